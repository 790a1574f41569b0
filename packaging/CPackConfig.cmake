# `cpack -G DEB` / `cpack -G TGZ` from the build folder. The AppImage's AppDir recipe is in appimage/;
# MSI and DMG need Windows and macOS, which this machine does not have.
set(CPACK_PACKAGE_NAME "voice-console")
set(CPACK_PACKAGE_VENDOR "Voice Console")
set(CPACK_PACKAGE_CONTACT "Voice Console developers <dev@voice-console.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Desktop console for voice-message services (Exolve Voice API)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Voice Console")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "comm")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt plugins are loaded at run time, so shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring, qt6-translations-l10n")
include(CPack)
