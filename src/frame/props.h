// Packet properties (Hav1DataProps) with an owned user-data reference, so a
// packet's props can travel to the pictures decoded from it.
#ifndef HAV1_SRC_FRAME_PROPS_H_
#define HAV1_SRC_FRAME_PROPS_H_

#include "hav1/hav1.h"

namespace hav1 {

// hav1_data_props_init: "unknown" values, no user data.
void PropsInit(Hav1DataProps* props);
// *dst = src with a new reference to src's user data (dst is overwritten,
// not released).
void PropsCopy(Hav1DataProps* dst, const Hav1DataProps& src);
// hav1_data_props_unref: drop the user data reference and reinitialise.
void PropsRelease(Hav1DataProps* props);

// Owns one Hav1DataProps (and its user data reference).
class PropsHolder {
 public:
  PropsHolder() { PropsInit(&props_); }
  explicit PropsHolder(const Hav1DataProps& p) { PropsCopy(&props_, p); }
  PropsHolder(const PropsHolder& o) { PropsCopy(&props_, o.props_); }
  PropsHolder& operator=(const PropsHolder& o) {
    if (this != &o) {
      Hav1DataProps copy;
      PropsCopy(&copy, o.props_);
      PropsRelease(&props_);
      props_ = copy;
    }
    return *this;
  }
  ~PropsHolder() { PropsRelease(&props_); }
  const Hav1DataProps& get() const { return props_; }

 private:
  Hav1DataProps props_;
};

}  // namespace hav1

#endif  // HAV1_SRC_FRAME_PROPS_H_
