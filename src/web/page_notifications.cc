// Notifications pages (every role): GET /notifications - the person's own notifications, newest
// first, 20 a page, unread ones marked (a tag whose text says so), each saying what changed, what
// is needed, by when (with how long is left), whether the council will also send a copy (post,
// phone, another language, an accessible format) and a link to the page where the detail is;
// POST /notifications/{id}/read marks one read and POST /notifications/read-all marks every one
// read (both carry the CSRF token; 303 back to the list). Someone else's notification is 404.
#include <charconv>

#include "app/notices.h"
#include "web/page_layout.h"
#include "web/page_text.h"
#include "web/pages.h"

namespace gt::web {

namespace {

constexpr int kPerPage = 20;

int page_number(std::string_view s) {
  int v = 1;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 1 || v > 100000) return 1;
  return v;
}

std::string list_path(int page_no) { return page_no > 1 ? "/notifications?page=" + std::to_string(page_no) : "/notifications"; }

// A stored link is a path in this application; anything else is not offered as a link.
bool safe_path(const std::string& link) {
  return link.size() > 1 && link[0] == '/' && link[1] != '/' && link[1] != '\\' &&
         link.find_first_of(" \t\r\n\"'<>") == std::string::npos;
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

void register_notification_pages(Router& router, Context& ctx) {
  router.add(Method::Get, "/notifications", Access::Page, [&ctx](Request& req) {
    int page_no = page_number(req.query_fields().value("page"));
    app::NoticePage np = app::notices_of(ctx.storage, req.actor(), page_no, kPerPage);
    Date today = ctx.today();

    Data body;
    std::vector<Data> items;
    for (const auto& n : np.items) {
      Data it;
      it.set("id", std::to_string(n.id));
      it.set("unread", !n.read_at.has_value());
      it.set("what_changed", n.what_changed);
      it.set("what_needed", n.what_needed);
      put(it, "copy_needed", n.copy_needed);
      it.set("sent", long_date_or(n.created_at.substr(0, 10)));
      if (auto due = n.due_on ? Date::parse(*n.due_on) : std::nullopt) {
        Data d;
        d.set("date", long_date(*due));
        if (*due >= today) {
          Tag t = due_tag(*due, today);
          d.set("tag_text", t.text);
          d.set("tag_css", t.css);
        } else {
          d.set("tag_text", "This date has passed");
          d.set("tag_css", "govuk-tag govuk-tag--grey");
        }
        it.set("due", d);
      } else {
        it.set("due", false);
      }
      if (safe_path(n.link)) it.set("link", n.link);
      else it.set("link", false);
      items.push_back(std::move(it));
    }
    body.set("items", list_of(std::move(items)));
    body.set("any", np.total > 0);
    body.set("any_unread", np.unread > 0);
    body.set("unread_text", plural(np.unread, "unread notification", "unread notifications"));
    body.set("page", std::to_string(np.page));

    int pages = np.total == 0 ? 1 : (np.total + np.per_page - 1) / np.per_page;
    if (pages > 1) {
      Data pg;
      if (np.page > 1) pg.set("prev", list_path(np.page - 1));
      else pg.set("prev", false);
      if (np.page < pages) pg.set("next", list_path(np.page + 1));
      else pg.set("next", false);
      pg.set("label", "Page " + std::to_string(np.page) + " of " + std::to_string(pages));
      body.set("pagination", pg);
    } else {
      body.set("pagination", false);
    }
    return page(req, 200, PageFrame{"Notifications", "notifications", {}}, "notifications", body);
  });

  router.add(Method::Post, "/notifications/{id}/read", Access::Page, [&ctx](Request& req) {
    auto id = req.id_param("id");
    if (!id) throw app::Error(app::Error::Kind::NotFound, "id", "There is no notification at this address.");
    app::mark_notice_read(ctx.storage, req.actor(), *id);
    return Response::redirect(list_path(page_number(req.form.value("page"))));
  });

  router.add(Method::Post, "/notifications/read-all", Access::Page, [&ctx](Request& req) {
    app::mark_all_notices_read(ctx.storage, req.actor());
    return Response::redirect("/notifications");
  });
}

}  // namespace gt::web
