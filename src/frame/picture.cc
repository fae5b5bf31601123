#include "src/frame/picture.h"

#include <cstring>
#include <utility>

#include "src/frame/ref.h"

namespace hav1 {
namespace {

// Owner behind Hav1Picture::ref: keeps the decoded picture (pixels, infos,
// metadata, props) and the public T.35 views alive.
class PictureRef final : public Hav1Ref {
 public:
  explicit PictureRef(std::shared_ptr<const DecodedPicture> pic) : pic_(std::move(pic)) {
    t35_.reserve(pic_->metadata.itut_t35.size());
    for (const PictureMetadata::T35& t : pic_->metadata.itut_t35) {
      Hav1ITUTT35 v{};
      v.country_code = t.country_code;
      v.country_code_extension_byte = t.country_code_extension_byte;
      v.payload_size = t.payload.size();
      v.payload = t.payload.empty() ? nullptr : t.payload.data();
      t35_.push_back(v);
    }
  }
  const DecodedPicture& pic() const { return *pic_; }
  const std::vector<Hav1ITUTT35>& t35() const { return t35_; }

 private:
  std::shared_ptr<const DecodedPicture> pic_;
  std::vector<Hav1ITUTT35> t35_;
};

}  // namespace

void ExportPicture(std::shared_ptr<const DecodedPicture> pic, Hav1Picture* out) {
  PictureRef* ref = NewRef<PictureRef>(std::move(pic));
  const DecodedPicture& d = ref->pic();
  std::memset(out, 0, sizeof(*out));
  out->seq = &d.seq;
  out->frame = &d.frame;
  if (d.buffer) {
    out->p = d.buffer->p;
    for (int i = 0; i < 3; ++i) out->data[i] = d.buffer->data[i];
    out->stride[0] = d.buffer->stride[0];
    out->stride[1] = d.buffer->stride[1];
    out->allocator_data = d.buffer->allocator_data;
  }
  out->m = d.props.get();  // a view: the picture's ref owns the user data ref
  out->content_light = d.metadata.content_light ? &*d.metadata.content_light : nullptr;
  out->mastering_display =
      d.metadata.mastering_display ? &*d.metadata.mastering_display : nullptr;
  out->itut_t35 = ref->t35().empty() ? nullptr : ref->t35().data();
  out->n_itut_t35 = ref->t35().size();
  out->timecode = d.metadata.timecode ? &*d.metadata.timecode : nullptr;
  out->ref = ref;
}

}  // namespace hav1
