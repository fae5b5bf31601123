// Errors as values: every fallible internal function returns a Status whose
// code is one of the public HAV1_ERR_* codes (include/hav1/hav1.h).
#ifndef HAV1_SRC_COMMON_STATUS_H_
#define HAV1_SRC_COMMON_STATUS_H_

#include <string>
#include <utility>

#include "hav1/hav1.h"

namespace hav1 {

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(int code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == HAV1_OK; }
  int code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  int code_ = HAV1_OK;
  std::string message_;
};

// Shorthands for the common failures.
inline Status InvalidData(std::string msg) {
  return Status(HAV1_ERR_INVALID_DATA, std::move(msg));
}
inline Status Unsupported(std::string msg) {
  return Status(HAV1_ERR_UNSUPPORTED, std::move(msg));
}
inline Status NotImplemented(std::string msg) {
  return Status(HAV1_ERR_NOT_IMPLEMENTED, std::move(msg));
}
inline Status InvalidArgument(std::string msg) {
  return Status(HAV1_ERR_INVALID_ARGUMENT, std::move(msg));
}

}  // namespace hav1

// Propagate a failed Status to the caller.
#define HAV1_RETURN_IF_ERROR(expr)        \
  do {                                    \
    ::hav1::Status hav1_status_ = (expr); \
    if (!hav1_status_.ok()) return hav1_status_; \
  } while (0)

#endif  // HAV1_SRC_COMMON_STATUS_H_
