#include "src/decoder/logger.h"

#include <cstdio>
#include <string>

namespace hav1 {

void DefaultLogCallback(void* /*cookie*/, Hav1LogLevel level, const char* message) {
  if (level > HAV1_LOG_WARNING) return;
  std::fprintf(stderr, "hav1: %s%s\n", level == HAV1_LOG_WARNING ? "warning: " : "",
               message);
}

Logger Logger::Default() {
  Hav1Logger l{};
  l.callback = DefaultLogCallback;
  return Logger(l);
}

void Logger::Log(Hav1LogLevel level, std::string_view message) const {
  if (logger_.callback == nullptr) return;
  // One line, no control characters (messages may quote input).
  char line[512];
  size_t n = 0;
  for (char ch : message) {
    if (n + 1 >= sizeof(line)) break;
    line[n++] = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
  }
  line[n] = '\0';
  logger_.callback(logger_.cookie, level, line);
}

}  // namespace hav1
