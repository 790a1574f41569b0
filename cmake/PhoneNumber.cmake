# libphonenumber: vcpkg (Windows, macOS, the release builds) ships a CMake config; Debian's 8.12 ships
# neither a config nor a .pc file, so there it is found by header and library.
find_package(libphonenumber CONFIG QUIET)
if(TARGET libphonenumber::phonenumber)
    add_library(PhoneNumber::PhoneNumber INTERFACE IMPORTED)
    set_target_properties(PhoneNumber::PhoneNumber PROPERTIES INTERFACE_LINK_LIBRARIES libphonenumber::phonenumber)
    return()
endif()
find_package(Protobuf REQUIRED)
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES protobuf::libprotobuf)
