#pragma once

// Whether a standard stream is a terminal (a person can be asked, a progress bar redrawn).
#include <cstdio>
#ifdef _WIN32
#include <io.h>
#define vc_isatty _isatty
#else
#include <unistd.h>
#define vc_isatty isatty
#endif
