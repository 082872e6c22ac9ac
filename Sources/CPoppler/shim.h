// poppler's C++ API (libpoppler-cpp-dev). Only Sources/PDFFacade/facade.cpp includes its headers;
// this module exists to carry pkg-config's include and link flags to that target.
