#include "domain/all_about_me.h"

#include "domain/text.h"

namespace gt {

const std::vector<AboutMeSection>& all_about_me_sections() {
  static const std::vector<AboutMeSection> sections = {
      {"views", "My views", "What I think about my learning, my health and my care, and what I want people to know",
       &AllAboutMe::views},
      {"interests", "What I like and what I am good at", "Things I enjoy, people who matter to me, what I am proud of",
       &AllAboutMe::interests},
      {"aspirations", "My hopes for the future", "What I want to do and be, now and when I am older",
       &AllAboutMe::aspirations},
      {"what_works", "What helps me", "What works well for me at home, at school or college and elsewhere",
       &AllAboutMe::what_works},
      {"what_does_not", "What does not help me", "What makes things harder for me, and what to avoid",
       &AllAboutMe::what_does_not},
      {"communication", "How I communicate", "How I tell people things, and the best way to talk and listen to me",
       &AllAboutMe::communication},
  };
  return sections;
}

std::vector<FieldError> validate_all_about_me(AllAboutMe& a) {
  std::vector<FieldError> out;
  bool any = false;
  for (const auto& s : all_about_me_sections()) {
    std::string& text = a.*(s.member);
    trim(text);
    if (!text.empty()) any = true;
    if (text.size() > kMaxAboutMeSection)
      out.push_back({std::string(s.field), std::string(s.heading) + " must be " + std::to_string(kMaxAboutMeSection) +
                                               " characters or fewer"});
  }
  if (!any) out.insert(out.begin(), FieldError{"views", "write at least one section"});
  return out;
}

}  // namespace gt
