#include "extract/pdf_message.h"

#include <cstdint>

namespace citecheck {

std::string EncodePdfRead(const PdfRead& read) {
  std::string out(kPdfMessageHeaderBytes, '\0');
  uint64_t length = 1 + read.text.size();
  for (size_t i = 0; i < kPdfMessageHeaderBytes; ++i) out[i] = static_cast<char>((length >> (8 * i)) & 0xFF);
  out += static_cast<char>(read.kind);
  out += read.text;
  return out;
}

std::optional<PdfRead> DecodePdfRead(const std::string& message) {
  if (message.size() <= kPdfMessageHeaderBytes) return std::nullopt;
  uint64_t length = 0;
  for (size_t i = 0; i < kPdfMessageHeaderBytes; ++i) {
    length |= static_cast<uint64_t>(static_cast<unsigned char>(message[i])) << (8 * i);
  }
  if (length == 0 || message.size() - kPdfMessageHeaderBytes != length) return std::nullopt;
  auto kind = static_cast<unsigned char>(message[kPdfMessageHeaderBytes]);
  if (kind > static_cast<unsigned char>(PdfRead::Kind::kUnreadable)) return std::nullopt;
  PdfRead read;
  read.kind = static_cast<PdfRead::Kind>(kind);
  read.text = message.substr(kPdfMessageHeaderBytes + 1);
  return read;
}

}  // namespace citecheck
