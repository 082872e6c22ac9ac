// A plain-C facade over libxml2's HTML parser. The header carries no libxml2 types: the parsed
// page is handed to Swift as a flat list of nodes in document order.
#ifndef POLICY_SEARCH_HTML_FACADE_H
#define POLICY_SEARCH_HTML_FACADE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A parsed HTML page flattened to nodes in document order (elements and text). Immutable.
typedef struct pf_html pf_html;

/// Parses UTF-8 `bytes` leniently (recovering from malformed markup, never touching the network).
/// Script, style, template and comment content is left out. Returns NULL if nothing could be parsed.
pf_html *pf_html_parse(const char *bytes, int32_t length);
void pf_html_free(pf_html *html);

int32_t pf_html_node_count(const pf_html *html);
/// Index of the parent element, or -1 for a top-level node. Parents precede their children.
int32_t pf_html_node_parent(const pf_html *html, int32_t index);
/// 1 for a text node (entities decoded), 0 for an element.
int32_t pf_html_node_is_text(const pf_html *html, int32_t index);
/// A text node's UTF-8 text, or an element's lowercase tag name.
const char *pf_html_node_value(const pf_html *html, int32_t index);
/// An element's id, class, role, style, align, start, type, value, src (a frame's page) and content
/// (a meta refresh's target) attributes as name=value joined by spaces, lowercased ("" for text).
const char *pf_html_node_attributes(const pf_html *html, int32_t index);

#ifdef __cplusplus
}
#endif

#endif
