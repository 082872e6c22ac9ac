// The only file that includes libxml2's headers (see include/HTMLFacade.h for why).
#include "HTMLFacade.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct pf_html {
    int32_t count, capacity;
    int32_t *parents;
    int32_t *isText;
    char **values;
    char **attributes;
};

static int grow(pf_html *h) {
    if (h->count < h->capacity) return 1;
    int32_t capacity = h->capacity ? h->capacity * 2 : 256;
    int32_t *parents = realloc(h->parents, sizeof(int32_t) * capacity);
    if (!parents) return 0;
    h->parents = parents;
    int32_t *isText = realloc(h->isText, sizeof(int32_t) * capacity);
    if (!isText) return 0;
    h->isText = isText;
    char **values = realloc(h->values, sizeof(char *) * capacity);
    if (!values) return 0;
    h->values = values;
    char **attributes = realloc(h->attributes, sizeof(char *) * capacity);
    if (!attributes) return 0;
    h->attributes = attributes;
    h->capacity = capacity;
    return 1;
}

static char *lowercased(const char *s) {
    char *out = strdup(s ? s : "");
    if (!out) return NULL;
    for (char *p = out; *p; p++) *p = (char)tolower((unsigned char)*p);
    return out;
}

static int32_t add(pf_html *h, int32_t parent, int isText, char *value, char *attributes) {
    if (!value || !attributes || !grow(h)) {
        free(value);
        free(attributes);
        return -1;
    }
    h->parents[h->count] = parent;
    h->isText[h->count] = isText;
    h->values[h->count] = value;
    h->attributes[h->count] = attributes;
    return h->count++;
}

static int skipped(const char *name) {
    static const char *names[] = {"script", "style", "noscript", "template", "svg", "math", "object", "iframe", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0) return 1;
    return 0;
}

static char *attributeSummary(xmlNodePtr node) {
    static const char *names[] = {"id", "class", "role", "style", "align", "start", "type", "value", "src", "content", NULL};
    size_t length = 0;
    char *joined = calloc(1, 1);
    for (int i = 0; names[i] && joined; i++) {
        xmlChar *v = xmlGetProp(node, (const xmlChar *)names[i]);
        if (!v) continue;
        size_t n = strlen((const char *)v);
        char *bigger = realloc(joined, length + n + strlen(names[i]) + 3);
        if (bigger) {
            joined = bigger;
            length += (size_t)sprintf(joined + length, "%s%s=%s", length ? " " : "", names[i], (const char *)v);
        }
        xmlFree(v);
    }
    char *out = lowercased(joined);
    free(joined);
    return out;
}

static int walk(pf_html *h, xmlNodePtr node, int32_t parent, int depth) {
    for (; node; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content && add(h, parent, 1, strdup((const char *)node->content), strdup("")) < 0) return 0;
        } else if (node->type == XML_ELEMENT_NODE && node->name) {
            char *name = lowercased((const char *)node->name);
            if (!name) return 0;
            if (skipped(name)) {
                free(name);
                continue;
            }
            int32_t index = add(h, parent, 0, name, attributeSummary(node));
            if (index < 0) return 0;
            // Nesting deeper than 400 elements (no real page has it) is cut off, not recursed into without bound.
            if (depth < 400 && !walk(h, node->children, index, depth + 1)) return 0;
        }
    }
    return 1;
}

pf_html *pf_html_parse(const char *bytes, int32_t length) {
    if (!bytes || length <= 0) return NULL;
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOBLANKS;
    htmlDocPtr doc = htmlReadMemory(bytes, length, NULL, "UTF-8", options);
    if (!doc) return NULL;
    pf_html *h = calloc(1, sizeof(pf_html));
    if (!h || !walk(h, xmlDocGetRootElement(doc) ? doc->children : NULL, -1, 0)) {
        pf_html_free(h);
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlFreeDoc(doc);
    return h;
}

void pf_html_free(pf_html *h) {
    if (!h) return;
    for (int32_t i = 0; i < h->count; i++) {
        free(h->values[i]);
        free(h->attributes[i]);
    }
    free(h->parents);
    free(h->isText);
    free(h->values);
    free(h->attributes);
    free(h);
}

int32_t pf_html_node_count(const pf_html *h) { return h ? h->count : 0; }
int32_t pf_html_node_parent(const pf_html *h, int32_t i) { return h && i >= 0 && i < h->count ? h->parents[i] : -1; }
int32_t pf_html_node_is_text(const pf_html *h, int32_t i) { return h && i >= 0 && i < h->count ? h->isText[i] : 0; }
const char *pf_html_node_value(const pf_html *h, int32_t i) { return h && i >= 0 && i < h->count ? h->values[i] : ""; }
const char *pf_html_node_attributes(const pf_html *h, int32_t i) {
    return h && i >= 0 && i < h->count ? h->attributes[i] : "";
}
