#!/bin/sh
# Every public header compiles alone: hav1.h as C99 and as C++20, hav1.hpp
# as C++20.  Usage: check_headers.sh <include dir>; CC and CXX name the
# compilers.
set -eu
inc="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
printf '#include <hav1/hav1.h>\nint main(void) { return hav1_version_api() == 0; }\n' > "$tmp/h.c"
printf '#include <hav1/hav1.h>\nint main() { return hav1_version_api() == 0; }\n' > "$tmp/h.cc"
printf '#include <hav1/hav1.hpp>\nint main() { return hav1::DefaultSettings().struct_size == 0; }\n' > "$tmp/hpp.cc"
run() {
  echo "+ $*"
  "$@" || fail=1
}
run ${CC:-cc} -std=c99 -Wall -Wextra -Werror -pedantic -I"$inc" -c "$tmp/h.c" -o "$tmp/h.o"
run ${CXX:-c++} -std=c++20 -Wall -Wextra -Werror -pedantic -I"$inc" -c "$tmp/h.cc" -o "$tmp/h2.o"
run ${CXX:-c++} -std=c++20 -Wall -Wextra -Werror -pedantic -I"$inc" -c "$tmp/hpp.cc" -o "$tmp/hpp.o"
exit $fail
