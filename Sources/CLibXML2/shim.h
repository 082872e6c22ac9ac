// libxml2 (libxml2-dev). Only Sources/HTMLFacade/facade.c includes its headers; this module exists
// to carry pkg-config's include and link flags to that target.
