# One CPack configuration for every package, from the install rules:
#   Linux:   cpack -G DEB, cpack -G TGZ (here); the AppImage from packaging/appimage/make-appdir.sh.
#   Windows: cpack -G WIX (an MSI; CPACK_WIX_CULTURES=ru-RU or en-US picks the installer's language).
#   macOS:   cpack -G DragNDrop (a DMG with voice-console.app).
# On Windows and macOS packaging/deploy-qt.cmake runs windeployqt / macdeployqt on the staged install
# tree first, so the package carries its Qt.
set(CPACK_PACKAGE_NAME "voice-console")
set(CPACK_PACKAGE_VENDOR "Voice Console developers")
set(CPACK_PACKAGE_CONTACT "Voice Console developers <dev@voice-console.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop console for voice-message services (Exolve Voice API)")
# Lines under 80 characters: Debian shows the description as it is written.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Voice Console manages voice-message services on the Exolve Voice API and the"
    "integrationapi.net REST voice API: create and delete services, send voice"
    "messages, run campaigns over a list of numbers with a crash-safe journal,"
    "follow calls and look up SIP accounts. voicectl does the same from a"
    "terminal; voice-sandbox simulates both APIs offline.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Voice Console")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_EXECUTABLES "voice-console;Voice Console")
set(CPACK_STRIP_FILES ON)
# WIX wants the licence as .txt or .rtf.
configure_file(${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_BINARY_DIR}/LICENSE.txt COPYONLY)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_BINARY_DIR}/LICENSE.txt)

if(WIN32)
    set(CPACK_GENERATOR "WIX")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
else()
    set(CPACK_GENERATOR "TGZ;DEB")
endif()

# Debian. Run-time Qt plugins are invisible to shlibdeps: the SQLite driver (history, journals), the
# platform plugins (xcb), the SVG icon engine. A secret service keeps API keys (gnome-keyring or
# KWallet); without one the app says so and keeps the key for the session only.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "comm")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Windows Installer (CPack WIX, WiX 3). The upgrade code never changes, so every new version replaces
# the old one; the product code is new for each build. Per-machine, with a Start-menu shortcut.
set(CPACK_WIX_UPGRADE_GUID "6B0E9B3C-51F5-4C6E-9C1D-7A4B2D9E3F10")
set(CPACK_WIX_PRODUCT_ICON ${PROJECT_SOURCE_DIR}/resources/voice-console.ico)
set(CPACK_WIX_INSTALL_SCOPE "perMachine")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Voice Console")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_WIX_ARCHITECTURE x64)
if(NOT CPACK_WIX_CULTURES)
    set(CPACK_WIX_CULTURES "en-US")
endif()

# macOS disk image.
set(CPACK_DMG_VOLUME_NAME "Voice Console")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_DMG_FILESYSTEM "APFS")

if(WIN32)
    # The Visual C++ runtime DLLs beside the programs, so the MSI needs no separate redistributable.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    include(InstallRequiredSystemLibraries)
endif()
if(WIN32 OR APPLE)
    # Deploy Qt into the staging tree before the package is made (and sign there when asked).
    get_target_property(VC_QMAKE Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(VC_QT_BIN ${VC_QMAKE} DIRECTORY)
    configure_file(${PROJECT_SOURCE_DIR}/packaging/deploy-qt.cmake.in ${PROJECT_BINARY_DIR}/deploy-qt.cmake @ONLY)
    set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_BINARY_DIR}/deploy-qt.cmake)
endif()
include(CPack)
