// Messages to the caller's Hav1Logger, one line each.
#ifndef HAV1_SRC_DECODER_LOGGER_H_
#define HAV1_SRC_DECODER_LOGGER_H_

#include <string_view>

#include "hav1/hav1.h"

namespace hav1 {

// The default logger callback: errors and warnings go to stderr, prefixed
// "hav1: "; info and debug messages are dropped.
void DefaultLogCallback(void* cookie, Hav1LogLevel level, const char* message);

class Logger {
 public:
  // A logger with a NULL callback is silent.
  explicit Logger(const Hav1Logger& logger) : logger_(logger) {}
  // The default logger (for functions that have no decoder).
  static Logger Default();

  void Log(Hav1LogLevel level, std::string_view message) const;
  void Error(std::string_view message) const { Log(HAV1_LOG_ERROR, message); }
  void Warning(std::string_view message) const { Log(HAV1_LOG_WARNING, message); }

 private:
  Hav1Logger logger_;
};

}  // namespace hav1

#endif  // HAV1_SRC_DECODER_LOGGER_H_
