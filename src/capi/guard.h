// Helpers for the extern "C" functions: argument checks that log, and the
// exception barrier (no exception crosses the C API).
#ifndef HAV1_SRC_CAPI_GUARD_H_
#define HAV1_SRC_CAPI_GUARD_H_

#include <cstdio>
#include <exception>
#include <new>
#include <system_error>

#include "hav1/hav1.h"
#include "src/decoder/logger.h"

namespace hav1::capi {

// Logs "function: message" as an error; never throws or allocates.
inline void LogError(const Logger& log, const char* function, const char* message) noexcept {
  char line[384];
  std::snprintf(line, sizeof(line), "%s: %s", function, message);
  try {
    log.Log(HAV1_LOG_ERROR, line);
  } catch (...) {
  }
}

// Logs "function: message" and returns HAV1_ERR_INVALID_ARGUMENT.
inline int InvalidArg(const Logger& log, const char* function, const char* message) noexcept {
  LogError(log, function, message);
  return HAV1_ERR_INVALID_ARGUMENT;
}
inline int InvalidArg(const char* function, const char* message) noexcept {
  return InvalidArg(Logger::Default(), function, message);
}

// Runs body (returning an error code) and turns exceptions into codes.
template <typename Body>
int Guarded(const Logger& log, const char* function, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    LogError(log, function, "out of memory");
  } catch (const std::system_error& e) {
    LogError(log, function, e.what());
  } catch (const std::exception& e) {
    LogError(log, function, e.what());
  } catch (...) {
    LogError(log, function, "unknown internal error");
  }
  return HAV1_ERR_NO_MEMORY;
}

}  // namespace hav1::capi

#endif  // HAV1_SRC_CAPI_GUARD_H_
