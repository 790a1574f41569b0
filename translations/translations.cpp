// Holds the compiled translation catalogues (embedded as resources by qt_add_translations).
