// The only file that includes poppler's headers (see include/PDFFacade.h for why).
#include "PDFFacade.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

struct pf_pdf {
    std::vector<char> bytes;  // poppler reads from this buffer for the document's lifetime
    std::unique_ptr<poppler::document> document;
};

namespace {

// poppler prints syntax warnings of damaged files to stderr; they are reported through statuses instead.
void silence(const std::string &, void *) {}

char *copy(const poppler::ustring &text) {
    poppler::byte_array utf8 = text.to_utf8();
    char *out = static_cast<char *>(std::malloc(utf8.size() + 1));
    if (!out) return nullptr;
    if (!utf8.empty()) std::memcpy(out, utf8.data(), utf8.size());
    out[utf8.size()] = 0;
    return out;
}

}  // namespace

extern "C" pf_pdf *pf_pdf_open(const char *bytes, int32_t length, int32_t *status) {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(silence, nullptr); });
    *status = PF_PDF_DAMAGED;
    if (!bytes || length <= 0) return nullptr;
    try {
        auto pdf = std::make_unique<pf_pdf>();
        pdf->bytes.assign(bytes, bytes + length);
        pdf->document.reset(poppler::document::load_from_raw_data(pdf->bytes.data(), length));
        if (!pdf->document) return nullptr;
        if (pdf->document->is_locked()) {
            *status = PF_PDF_LOCKED;
            return nullptr;
        }
        *status = PF_PDF_OK;
        return pdf.release();
    } catch (...) {
        return nullptr;
    }
}

extern "C" void pf_pdf_close(pf_pdf *pdf) { delete pdf; }

extern "C" int32_t pf_pdf_page_count(pf_pdf *pdf) { return pdf ? pdf->document->pages() : 0; }

extern "C" char *pf_pdf_page_text(pf_pdf *pdf, int32_t index) {
    if (!pdf || index < 0 || index >= pdf->document->pages()) return nullptr;
    try {
        std::unique_ptr<poppler::page> page(pdf->document->create_page(index));
        if (!page) return nullptr;
        return copy(page->text(poppler::rectf(), poppler::page::raw_order_layout));
    } catch (...) {
        return nullptr;
    }
}

extern "C" char *pf_pdf_page_largest_text(pf_pdf *pdf, int32_t index, double *size) {
    *size = 0;
    if (!pdf || index < 0 || index >= pdf->document->pages()) return nullptr;
    try {
        std::unique_ptr<poppler::page> page(pdf->document->create_page(index));
        if (!page) return nullptr;
        std::vector<poppler::text_box> boxes = page->text_list(poppler::page::text_list_include_font);
        double largest = 0;
        for (auto &box : boxes) largest = std::max(largest, box.get_font_size());
        if (largest <= 0) return nullptr;
        poppler::ustring joined;
        double lastY = -1;
        for (auto &box : boxes) {
            if (std::fabs(box.get_font_size() - largest) > 0.5) continue;
            double y = box.bbox().y();
            if (lastY >= 0 && std::fabs(y - lastY) > largest * 0.5) joined.push_back('\n');
            lastY = y;
            poppler::ustring t = box.text();
            joined.insert(joined.end(), t.begin(), t.end());
        }
        *size = largest;
        return copy(joined);
    } catch (...) {
        return nullptr;
    }
}

extern "C" char *pf_pdf_page_line_starts(pf_pdf *pdf, int32_t index) {
    if (!pdf || index < 0 || index >= pdf->document->pages()) return nullptr;
    try {
        std::unique_ptr<poppler::page> page(pdf->document->create_page(index));
        if (!page) return nullptr;
        std::vector<poppler::text_box> boxes = page->text_list();
        std::vector<size_t> order(boxes.size());
        for (size_t i = 0; i < order.size(); i++) order[i] = i;
        auto middle = [&](size_t i) { return boxes[i].bbox().y() + boxes[i].bbox().height() / 2; };
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return middle(a) < middle(b); });
        std::string out;
        size_t k = 0;
        while (k < order.size()) {
            // Boxes whose middles lie within half a box height of the first make one line.
            size_t end = k + 1;
            double h = std::max(1.0, boxes[order[k]].bbox().height());
            while (end < order.size() && std::fabs(middle(order[end]) - middle(order[k])) < h / 2) end++;
            std::sort(order.begin() + k, order.begin() + end, [&](size_t a, size_t b) { return boxes[a].bbox().x() < boxes[b].bbox().x(); });
            char head[64];
            std::snprintf(head, sizeof head, "%.1f\t%.1f\t", boxes[order[k]].bbox().x(), h);
            out += head;
            for (size_t j = k; j < end; j++) {
                poppler::byte_array utf8 = boxes[order[j]].text().to_utf8();
                out.append(utf8.data(), utf8.size());
            }
            out += '\n';
            k = end;
        }
        char *copy = static_cast<char *>(std::malloc(out.size() + 1));
        if (!copy) return nullptr;
        std::memcpy(copy, out.data(), out.size());
        copy[out.size()] = 0;
        return copy;
    } catch (...) {
        return nullptr;
    }
}

extern "C" char *pf_pdf_title(pf_pdf *pdf) {
    if (!pdf) return nullptr;
    try {
        poppler::ustring title = pdf->document->get_title();
        if (title.empty()) return nullptr;
        return copy(title);
    } catch (...) {
        return nullptr;
    }
}

extern "C" void pf_pdf_free(char *text) { std::free(text); }
