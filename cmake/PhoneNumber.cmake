# libphonenumber: vcpkg (Windows, macOS, the release builds) ships a CMake config; Debian's 8.12 ships
# neither a config nor a .pc file, so there it is found by header and library.
find_package(libphonenumber CONFIG QUIET)
if(TARGET libphonenumber::phonenumber)
    add_library(PhoneNumber::PhoneNumber INTERFACE IMPORTED)
    set_target_properties(PhoneNumber::PhoneNumber PROPERTIES INTERFACE_LINK_LIBRARIES libphonenumber::phonenumber)
    return()
endif()
# On Debian, libphonenumber and its protobuf are linked in statically (Debian ships both archives): as
# shared libraries their ≈6,700 symbol relocations were a third of what the dynamic linker did before
# main(), on every start of the window and of voicectl, for a library the first frame never calls.
option(VC_STATIC_PHONENUMBER "Link libphonenumber and protobuf statically when their archives exist" ON)
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
if(VC_STATIC_PHONENUMBER)
    find_library(PHONENUMBER_STATIC_LIBRARY libphonenumber.a)
endif()
if(VC_STATIC_PHONENUMBER AND PHONENUMBER_STATIC_LIBRARY)
    set(Protobuf_USE_STATIC_LIBS ON)
    find_package(Protobuf REQUIRED)
    find_package(ICU REQUIRED COMPONENTS uc i18n)
    # Its abseil parts too (eight small shared libraries otherwise, each mapped and relocated at start).
    set(VC_ABSL_ARCHIVES)
    foreach(part hash city low_level_hash raw_hash_set strings strings_internal int128 throw_delegate
                 raw_logging_internal base spinlock_wait)
        find_library(VC_ABSL_${part} libabsl_${part}.a REQUIRED)
        list(APPEND VC_ABSL_ARCHIVES "${VC_ABSL_${part}}")
    endforeach()
    add_library(PhoneNumber::PhoneNumber STATIC IMPORTED)
    set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
        IMPORTED_LOCATION "${PHONENUMBER_STATIC_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}"
        INTERFACE_LINK_LIBRARIES "protobuf::libprotobuf;-Wl,--start-group;${VC_ABSL_ARCHIVES};-Wl,--end-group;ICU::uc;ICU::i18n")
    message(STATUS "libphonenumber: static (${PHONENUMBER_STATIC_LIBRARY}, protobuf ${Protobuf_LIBRARIES})")
    return()
endif()
find_package(Protobuf REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(PhoneNumber::PhoneNumber UNKNOWN IMPORTED)
set_target_properties(PhoneNumber::PhoneNumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES protobuf::libprotobuf)
