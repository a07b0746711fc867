// PlanPdf (see plan_pdf.h): pango lays out every paragraph once, the lines are placed on pages
// (so the page count is known before anything is drawn), then cairo's PDF surface draws them line
// by line, page by page, with the structure tags, the outline and the footers.
#include "app/plan_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

namespace gt::app {

Letterhead letterhead_of(const ServicesSettings& s) {
  return Letterhead{s.council_name, s.council_address, s.council_phone, s.council_email};
}

PlanDocument plan_document_of(const PlanVersionView& v) {
  PlanDocument d;
  d.child_name = v.child_name;
  d.issued = v.row.status == "issued";
  if (d.issued) {
    if (auto k = parse_plan_kind(v.row.kind)) d.kind_label = std::string(plan_kind_label(*k));
    d.number = v.row.number;
    if (v.row.issued_on) d.issued_on = Date::parse(*v.row.issued_on);
  }
  d.plan = v.plan;
  return d;
}

std::string plan_section_heading(PlanSection s) {
  return "Section " + std::string(plan_section_code(s)) + ": " + std::string(plan_section_title(s));
}

std::string plan_version_caption(const PlanDocument& doc) {
  if (!doc.issued) return "Working version (not issued)";
  std::string c = doc.kind_label.empty() ? "Plan" : doc.kind_label;
  if (doc.number) c += ", version " + std::to_string(*doc.number);
  if (doc.issued_on) {
    std::string when = doc.issued_on->to_long_string();  // "Friday 20 November 2026": without the day's name
    c += ", served " + when.substr(when.find(' ') + 1);
  }
  return c;
}

std::string plan_pdf_file_name(std::int64_t version_id) {
  return "ehc-plan-version-" + std::to_string(version_id) + ".pdf";
}

namespace {

// A4 in points; 20 mm margins; the footer sits in the bottom margin.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.890;
constexpr double kMargin = 56.693;
constexpr double kTop = kMargin;
constexpr double kBottom = kPageHeight - kMargin;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kFooterBaseline = kPageHeight - 28.0;
constexpr double kLeading = 1.25;  // line height as a multiple of the font's
constexpr const char* kFamily = "DejaVu Sans";
constexpr double kLabelWidth = 46;  // room for the longest element id ("H1-123") beside its text

struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

struct Style {
  double size = 11;  // points
  bool bold = false;
  double grey = 0.04;  // 0 black .. 1 white
  double space_before = 0;
  double space_after = 6;
  const char* tag = "P";
  bool keep_with_next = false;
  double indent = 0;
};

struct Line {
  int index = 0;           // in its layout
  double x = 0;            // from the layout's left edge
  double height = 0;       // with leading
  double baseline = 0;     // from the line's top
};

struct Block {
  LayoutPtr layout;
  Style style;
  std::vector<Line> lines;
  std::string outline;     // non-empty: an outline entry pointing here
  bool rule_below = false; // the letterhead's rule
  LayoutPtr label;         // an element's id, in bold in the margin of its first line
  double height() const {
    double h = 0;
    for (const auto& l : lines) h += l.height;
    return h;
  }
};

struct Placed {
  int block = 0;
  int line = 0;
  int page = 0;
  double top = 0;  // the line's top on its page
};

std::string valid_utf8(const std::string& s) {
  if (g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr)) return s;
  gchar* fixed = g_utf8_make_valid(s.data(), static_cast<gssize>(s.size()));
  std::string out(fixed);
  g_free(fixed);
  return out;
}

// The text strip that goes to pango: control characters other than newline and tab would draw
// as boxes; they become spaces.
std::string printable(const std::string& s) {
  std::string out = valid_utf8(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') c = ' ';
  return out;
}

class Builder {
 public:
  explicit Builder(PangoContext* context) : context_(context) {}

  Block& add(const std::string& text, const Style& style, double width = kContentWidth) {
    Block b;
    b.style = style;
    b.layout.reset(pango_layout_new(context_));
    PangoLayout* layout = b.layout.get();
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    PangoAttrList* attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(layout, attrs);
    pango_attr_list_unref(attrs);
    pango_layout_set_width(layout, static_cast<int>((width - style.indent) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    std::string t = printable(text);
    pango_layout_set_text(layout, t.data(), static_cast<int>(t.size()));

    PangoLayoutIter* it = pango_layout_get_iter(layout);
    int index = 0;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      int baseline = pango_layout_iter_get_baseline(it);
      double h = static_cast<double>(logical.height) / PANGO_SCALE;
      double extra = h * (kLeading - 1.0);
      Line l;
      l.index = index++;
      l.x = static_cast<double>(logical.x) / PANGO_SCALE;
      l.height = h + extra;
      l.baseline = static_cast<double>(baseline - logical.y) / PANGO_SCALE + extra / 2;
      b.lines.push_back(l);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    blocks_.push_back(std::move(b));
    return blocks_.back();
  }

  // A paragraph with its element id ("F-3") hanging to the left of its first line.
  Block& add_labelled(const std::string& label, const std::string& text, Style style) {
    style.indent = kLabelWidth;
    Block& b = add(text, style);
    b.label.reset(pango_layout_new(context_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(b.label.get(), font);
    pango_font_description_free(font);
    std::string t = printable(label);
    pango_layout_set_text(b.label.get(), t.data(), static_cast<int>(t.size()));
    return b;
  }

  std::vector<Block>& blocks() { return blocks_; }

 private:
  PangoContext* context_;
  std::vector<Block> blocks_;
};

// Places every line: a line that does not fit goes to the next page; a block that keeps with the
// next one (a heading) moves to the next page unless it and the next block's first line fit; a
// paragraph of three lines or more starts on the next page unless its first two lines fit.
std::vector<Placed> paginate(const std::vector<Block>& blocks, int& pages) {
  std::vector<Placed> out;
  int page = 0;
  double y = kTop;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (y > kTop) y += b.style.space_before;
    if (b.style.keep_with_next && i + 1 < blocks.size()) {
      const Block& next = blocks[i + 1];
      double need = b.height() + next.style.space_before + (next.lines.empty() ? 0 : next.lines.front().height);
      if (y + need > kBottom && y > kTop) {
        ++page;
        y = kTop;
      }
    }
    // No paragraph leaves its first line alone at the foot of a page.
    if (b.lines.size() > 2 && y + b.lines[0].height + b.lines[1].height > kBottom && y > kTop) {
      ++page;
      y = kTop;
    }
    for (std::size_t l = 0; l < b.lines.size(); ++l) {
      if (y + b.lines[l].height > kBottom && y > kTop) {
        ++page;
        y = kTop;
      }
      out.push_back(Placed{static_cast<int>(i), static_cast<int>(l), page, y});
      y += b.lines[l].height;
    }
    y += b.style.space_after;
  }
  pages = page + 1;
  return out;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

void draw_footer(cairo_t* cr, PangoContext* context, const std::string& left, int page, int pages) {
  auto text = [&](const std::string& s, bool right) {
    LayoutPtr layout(pango_layout_new(context));
    PangoFontDescription* font = pango_font_description_from_string(kFamily);
    pango_font_description_set_absolute_size(font, 8.5 * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(kContentWidth / 2 * PANGO_SCALE));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(layout.get(), right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    std::string t = printable(s);
    pango_layout_set_text(layout.get(), t.data(), static_cast<int>(t.size()));
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
    PangoRectangle logical;
    pango_layout_line_get_extents(line, nullptr, &logical);
    double x = right ? kPageWidth - kMargin - static_cast<double>(logical.width) / PANGO_SCALE : kMargin;
    cairo_move_to(cr, x, kFooterBaseline);
    pango_cairo_show_layout_line(cr, line);
  };
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, kMargin, kFooterBaseline - 14);
  cairo_line_to(cr, kPageWidth - kMargin, kFooterBaseline - 14);
  cairo_stroke(cr);
  text(left, false);
  text("Page " + std::to_string(page) + " of " + std::to_string(pages), true);
}

}  // namespace

RenderedPdf render_plan_pdf(const PlanDocument& doc, const Letterhead& letterhead) {
  RenderedPdf out;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(append_bytes, &out.bytes, kPageWidth, kPageHeight), cairo_surface_destroy);
  cairo_surface_t* s = surface.get();
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr_owner(cairo_create(s), cairo_destroy);
  cairo_t* cr = cr_owner.get();
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot create the PDF surface");

  std::unique_ptr<PangoContext, GObjectDeleter> context_owner(pango_cairo_create_context(cr));
  PangoContext* context = context_owner.get();
  pango_cairo_context_set_resolution(context, 72.0);  // one point is one unit of the page

  std::string caption = plan_version_caption(doc);
  std::string title = "Education, health and care plan";

  // The metadata: no personal data in the title (it shows in window titles and file lists).
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, printable(title + " - " + caption).c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, printable(letterhead.council_name).c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Golden Thread");
  if (doc.issued_on) {
    std::string when = doc.issued_on->to_string() + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, when.c_str());
  }

  // 1. Lay out every paragraph.
  Builder builder(context);
  Style council{.size = 20, .bold = true, .grey = 0.0, .space_after = 4};
  Style contact{.size = 9.5, .grey = 0.25, .space_after = 1};
  Style h1{.size = 22, .bold = true, .space_before = 18, .space_after = 8, .tag = "H1", .keep_with_next = true};
  Style name{.size = 14, .bold = true, .space_after = 2};
  Style captioned{.size = 11, .grey = 0.25, .space_after = 10};
  Style h2{.size = 14, .bold = true, .space_before = 16, .space_after = 6, .tag = "H2", .keep_with_next = true};
  Style para{.size = 11, .space_after = 7};
  Style empty{.size = 11, .grey = 0.35, .space_after = 7};

  builder.add(letterhead.council_name, council);
  std::vector<std::string> contact_lines;
  std::string addr = letterhead.address;
  for (std::size_t at = 0; at <= addr.size();) {
    auto nl = addr.find('\n', at);
    if (nl == std::string::npos) nl = addr.size();
    std::string l = addr.substr(at, nl - at);
    if (!l.empty()) contact_lines.push_back(l);
    at = nl + 1;
  }
  std::string reach;
  if (!letterhead.phone.empty()) reach = "Telephone: " + letterhead.phone;
  if (!letterhead.email.empty()) reach += (reach.empty() ? "" : "    ") + std::string("Email: ") + letterhead.email;
  if (!reach.empty()) contact_lines.push_back(reach);
  for (const auto& l : contact_lines) builder.add(l, contact);
  builder.blocks().back().rule_below = true;

  builder.add(title, h1).outline = title;
  builder.add(doc.child_name, name);
  builder.add(caption, captioned);

  std::vector<PlanLine> lines = plan_lines(doc.plan);
  for (PlanSection sec : all_plan_sections()) {
    std::string heading = plan_section_heading(sec);
    builder.add(heading, h2).outline = heading;
    bool any = false;
    for (const auto& l : lines)
      if (l.section == sec) {
        builder.add_labelled(l.id, l.text, para);
        any = true;
      }
    if (!any) builder.add(kNothingRecorded, empty);
  }

  // 2. Place the lines on pages.
  std::vector<Block>& blocks = builder.blocks();
  int pages = 0;
  std::vector<Placed> placed = paginate(blocks, pages);
  out.pages = pages;

  // 3. Draw, page by page.
  pango_cairo_update_context(cr, context);
  int title_outline = 0;
  cairo_tag_begin(cr, "Document", nullptr);
  std::size_t p = 0;
  for (int page = 0; page < pages; ++page) {
    while (p < placed.size() && placed[p].page == page) {
      const Placed& first = placed[p];
      Block& b = blocks[static_cast<std::size_t>(first.block)];
      // This block's lines on this page, as one tagged paragraph or heading.
      std::size_t end = p;
      while (end < placed.size() && placed[end].page == page && placed[end].block == first.block) ++end;
      if (!b.outline.empty() && first.line == 0) {
        std::string dest = "page=" + std::to_string(page + 1) + " pos=[" + fmt(kMargin) + " " + fmt(first.top) + "]";
        bool is_title = b.style.tag == std::string("H1");
        int id = cairo_pdf_surface_add_outline(s, is_title ? CAIRO_PDF_OUTLINE_ROOT : title_outline,
                                               printable(b.outline).c_str(), dest.c_str(),
                                               is_title ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0));
        if (is_title) title_outline = id;
      }
      cairo_tag_begin(cr, b.style.tag, nullptr);
      cairo_set_source_rgb(cr, b.style.grey, b.style.grey, b.style.grey);
      if (b.label && first.line == 0) {
        cairo_move_to(cr, kMargin, first.top + b.lines.front().baseline);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.label.get(), 0));
      }
      for (std::size_t i = p; i < end; ++i) {
        const Line& line = b.lines[static_cast<std::size_t>(placed[i].line)];
        cairo_move_to(cr, kMargin + b.style.indent + line.x, placed[i].top + line.baseline);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.layout.get(), line.index));
      }
      cairo_tag_end(cr, b.style.tag);
      if (b.rule_below) {
        const Placed& last = placed[end - 1];
        double y = last.top + b.lines[static_cast<std::size_t>(last.line)].height + 5;
        cairo_set_source_rgb(cr, 0.0, 0.0, 0.0);
        cairo_set_line_width(cr, 1.5);
        cairo_move_to(cr, kMargin, y);
        cairo_line_to(cr, kPageWidth - kMargin, y);
        cairo_stroke(cr);
      }
      p = end;
    }
    draw_footer(cr, context, doc.child_name, page + 1, pages);
    if (page + 1 == pages) cairo_tag_end(cr, "Document");
    cairo_show_page(cr);
  }

  cr_owner.reset();
  cairo_surface_finish(s);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cannot write the PDF: ") + cairo_status_to_string(cairo_surface_status(s)));
  surface.reset();
  return out;
}

}  // namespace gt::app
