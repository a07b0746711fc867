// Free text: what people write in their own words on a form (reasons, provision, views), checked
// before it is kept. Pure.
//
// Contract:
//  - check_free_text trims ASCII white space from both ends in place, then appends at most one
//    problem naming `field`: required and empty; not valid UTF-8 (overlong forms, surrogates and
//    values past U+10FFFF included); a control character other than tab, line feed or carriage
//    return; or longer than `max_chars` Unicode code points. `title` is the question in words
//    ("The reasons for the request") and starts each message.
//  - An invalid value is left as typed (trimmed) so a form can show it back.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"

namespace gt {

inline constexpr std::size_t kMaxFreeText = 10000;

void check_free_text(std::string& value, std::string_view field, std::string_view title, bool required,
                     std::vector<FieldError>& out, std::size_t max_chars = kMaxFreeText);

}  // namespace gt
