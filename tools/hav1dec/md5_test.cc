// RFC 1321 appendix A.5 test suite, plus chunked updates across block
// boundaries compared with the one-shot digest, and md5sum of a large input.
#include <cstdio>
#include <string>
#include <vector>

#include "tools/hav1dec/md5.h"

namespace {

int failures = 0;

void Expect(const std::string& what, const std::string& got,
            const std::string& want) {
  if (got != want) {
    std::fprintf(stderr, "FAIL %s: got %s, want %s\n", what.c_str(),
                 got.c_str(), want.c_str());
    ++failures;
  }
}

std::string Digest(const std::string& s) {
  hav1::cli::Md5 md5;
  md5.Update(std::span<const uint8_t>(
      reinterpret_cast<const uint8_t*>(s.data()), s.size()));
  return md5.FinalHex();
}

}  // namespace

int main() {
  // RFC 1321, A.5 Test suite.
  const struct {
    const char* in;
    const char* md5;
  } kVectors[] = {
      {"", "d41d8cd98f00b204e9800998ecf8427e"},
      {"a", "0cc175b9c0f1b6a831c399e269772661"},
      {"abc", "900150983cd24fb0d6963f7d28e17f72"},
      {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
      {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
      {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
       "d174ab98d277d9f5a5611c2c9f419d9f"},
      {"1234567890123456789012345678901234567890123456789012345678901234567890"
       "1234567890",
       "57edf4a22be3c955ac49da2e2107b67a"},
  };
  for (const auto& v : kVectors) Expect(std::string("\"") + v.in + "\"", Digest(v.in), v.md5);

  // Every split point of inputs around the 56- and 64-byte boundaries gives
  // the one-shot digest.
  for (size_t len = 0; len <= 200; ++len) {
    std::string s;
    for (size_t i = 0; i < len; ++i) s += static_cast<char>('a' + (i * 7) % 26);
    const std::string whole = Digest(s);
    for (size_t split = 0; split <= len; split += (len < 130 ? 1 : 13)) {
      hav1::cli::Md5 md5;
      const auto* p = reinterpret_cast<const uint8_t*>(s.data());
      md5.Update(std::span<const uint8_t>(p, split));
      md5.Update(std::span<const uint8_t>(p + split, len - split));
      Expect("split " + std::to_string(len) + "/" + std::to_string(split),
             md5.FinalHex(), whole);
    }
  }

  // One million 'a' (a classic extra vector; value from md5sum).
  hav1::cli::Md5 md5;
  const std::vector<uint8_t> block(1000, 'a');
  for (int i = 0; i < 1000; ++i) md5.Update(block);
  Expect("1e6 x 'a'", md5.FinalHex(), "7707d6ae4e027c70eea2a935c2296f21");

  if (failures == 0) std::printf("md5: all RFC 1321 vectors pass\n");
  return failures == 0 ? 0 : 1;
}
