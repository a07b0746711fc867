// Multipart: the strict multipart/form-data parser - what browsers send is read; hostile
// boundaries, missing CRLFs, huge headers, NUL and other tricks are refused with nothing returned.
#include "web/multipart.h"

#include <gtest/gtest.h>

namespace gt::web {
namespace {

const std::string kB = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

std::string part(const std::string& disposition, const std::string& content, const std::string& type = "") {
  std::string p = "--" + kB + "\r\nContent-Disposition: " + disposition + "\r\n";
  if (!type.empty()) p += "Content-Type: " + type + "\r\n";
  return p + "\r\n" + content + "\r\n";
}
std::string close() { return "--" + kB + "--\r\n"; }

TEST(MultipartTest, ReadsWhatABrowserSends) {
  std::string body = part("form-data; name=\"csrf_token\"", "abc123") +
                     part("form-data; name=\"title\"", "Speech and language report \xE2\x80\x93 May") +
                     part("form-data; name=\"file\"; filename=\"report.pdf\"", std::string("%PDF-1.4\r\n\0\x01\xff", 13),
                          "application/pdf") +
                     close();
  auto m = parse_multipart(body, kB);
  ASSERT_TRUE(m.ok) << m.error;
  EXPECT_EQ(m.fields.value("csrf_token"), "abc123");
  EXPECT_EQ(m.fields.value("title"), "Speech and language report \xE2\x80\x93 May");
  ASSERT_EQ(m.files.size(), 1u);
  EXPECT_EQ(m.files[0].field, "file");
  EXPECT_EQ(m.files[0].file_name, "report.pdf");
  EXPECT_EQ(m.files[0].content_type, "application/pdf");
  EXPECT_EQ(m.files[0].data, std::string("%PDF-1.4\r\n\0\x01\xff", 13));  // binary, CRLF and NUL kept
}

TEST(MultipartTest, NoFileChosenIsAnEmptyFilePart) {
  std::string body = part("form-data; name=\"file\"; filename=\"\"", "", "application/octet-stream") + close();
  auto m = parse_multipart(body, kB);
  ASSERT_TRUE(m.ok) << m.error;
  ASSERT_EQ(m.files.size(), 1u);
  EXPECT_EQ(m.files[0].file_name, "");
  EXPECT_EQ(m.files[0].data, "");
}

TEST(MultipartTest, TheBoundaryComesFromAStrictContentType) {
  EXPECT_EQ(multipart_boundary("multipart/form-data; boundary=" + kB), kB);
  EXPECT_EQ(multipart_boundary("Multipart/Form-Data;boundary=\"a b:c\""), "a b:c");
  EXPECT_EQ(multipart_boundary("multipart/form-data; charset=utf-8; boundary=xyz"), "xyz");
  EXPECT_FALSE(multipart_boundary("multipart/form-data"));
  EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=xyz"));
  EXPECT_FALSE(multipart_boundary("application/x-www-form-urlencoded; boundary=xyz"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary="));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"ends with space \""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"bad\rchar\""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"bad;semi\""));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"unterminated"));
  EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=a; boundary=b"));  // which one?
}

TEST(MultipartTest, MissingCrlfsAndBoundariesAreRefused) {
  std::string good = part("form-data; name=\"a\"", "1") + close();
  ASSERT_TRUE(parse_multipart(good, kB).ok);
  auto refused = [](const std::string& body, const char* why) {
    auto m = parse_multipart(body, kB);
    EXPECT_FALSE(m.ok) << why;
    EXPECT_TRUE(m.files.empty()) << why;
    EXPECT_TRUE(m.fields.fields().empty()) << why;
  };
  refused("", "empty body");
  refused("preamble\r\n" + good, "a preamble");
  refused(part("form-data; name=\"a\"", "1"), "no closing boundary");
  refused("--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1", "an unterminated part");
  refused("--" + kB + "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + close(), "no CRLF after the boundary");
  refused("--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n" + close(), "no blank line after headers");
  refused("--" + kB + "\nContent-Disposition: form-data; name=\"a\"\n\n1\n" + close(), "bare LFs");
  refused("--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" + kB + "-- trailing junk",
          "data after the closing boundary");
  refused("--" + kB + "--\r\n", "no parts at all");
  refused("--" + kB + "\r\n\r\n1\r\n" + close(), "a part without headers");
  refused("--" + kB + "  \r\n" + "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + close(),
          "padding after the boundary");
  // A delimiter inside the content must be followed by CRLF or "--".
  refused(part("form-data; name=\"a\"", "x\r\n--" + kB + "zzz") + close(), "a boundary look-alike");
  EXPECT_FALSE(parse_multipart(good, "").ok);
  EXPECT_FALSE(parse_multipart(good, "other-boundary").ok);
}

TEST(MultipartTest, HostileHeadersAreRefused) {
  auto refused = [](const std::string& body, const char* why) {
    auto m = parse_multipart(body, kB);
    EXPECT_FALSE(m.ok) << why;
  };
  refused(part("attachment; name=\"a\"", "1") + close(), "not form-data");
  refused(part("form-data; filename=\"x.pdf\"", "1") + close(), "no name");
  refused(part("form-data; name=\"\"", "1") + close(), "an empty name");
  refused(part("form-data; name=\"a\"; name=\"b\"", "1") + close(), "two names");
  refused(part("form-data; name=\"a", "1") + close(), "an unterminated quote");
  refused("--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n1\r\n" +
              close(),
          "two dispositions");
  refused("--" + kB + "\r\nContent-Type: text/plain\r\n\r\n1\r\n" + close(), "no disposition");
  refused("--" + kB + "\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\n1\r\n" + close(), "a folded header");
  refused("--" + kB + "\r\nBad Header: x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + close(),
          "a space in a header name");
  refused("--" + kB + "\r\nno colon here\r\n\r\n1\r\n" + close(), "a header without a colon");
  // Huge headers: refused without looking further.
  std::string huge = "--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: " + std::string(5000, 'p') +
                     "\r\n\r\n1\r\n" + close();
  refused(huge, "huge headers");
  std::string endless = "--" + kB + "\r\nContent-Disposition: form-data; name=\"a\"" + std::string(100000, 'x');
  refused(endless, "headers that never end");
}

TEST(MultipartTest, FileNamesAreKeptAsTextNeverAsPaths) {
  std::string body = part("form-data; name=\"file\"; filename=\"../../etc/passwd\"", "x") +
                     part("form-data; name=\"file2\"; filename=\"C:\\Users\\me\\report.pdf\"", "y") + close();
  auto m = parse_multipart(body, kB);
  ASSERT_TRUE(m.ok) << m.error;
  ASSERT_EQ(m.files.size(), 2u);
  EXPECT_EQ(m.files[0].file_name, "../../etc/passwd");  // as sent: the app never uses it as a path
  EXPECT_EQ(m.files[1].file_name, "C:\\Users\\me\\report.pdf");

  // A NUL, a CR or other control characters in a header: refused outright.
  for (std::string bad : {std::string("evil\0.pdf", 9), std::string("evil\r.pdf"), std::string("evil\x01.pdf")}) {
    auto r = parse_multipart(part("form-data; name=\"file\"; filename=\"" + bad + "\"", "x") + close(), kB);
    EXPECT_FALSE(r.ok);
    EXPECT_TRUE(r.files.empty());
  }
  // Not UTF-8.
  EXPECT_FALSE(parse_multipart(part("form-data; name=\"file\"; filename=\"\xff\xfe.pdf\"", "x") + close(), kB).ok);
}

TEST(MultipartTest, FieldsMustBeTextAndSmall) {
  EXPECT_FALSE(parse_multipart(part("form-data; name=\"title\"", std::string("a\0b", 3)) + close(), kB).ok);
  EXPECT_FALSE(parse_multipart(part("form-data; name=\"title\"", "\xc3\x28") + close(), kB).ok);
  EXPECT_FALSE(parse_multipart(part("form-data; name=\"title\"", std::string(20000, 'a')) + close(), kB).ok);
  EXPECT_TRUE(parse_multipart(part("form-data; name=\"title\"", std::string(10000, 'a')) + close(), kB).ok);
}

TEST(MultipartTest, TooManyPartsAreRefused) {
  std::string body;
  for (int i = 0; i < 17; ++i) body += part("form-data; name=\"f" + std::to_string(i) + "\"", "1");
  EXPECT_FALSE(parse_multipart(body + close(), kB).ok);
  MultipartLimits more;
  more.max_parts = 20;
  EXPECT_TRUE(parse_multipart(body + close(), kB, more).ok);
}

}  // namespace
}  // namespace gt::web
