# CPack: citecheck as one Debian package (scripts/package). It installs what
# the install rules install, under CMAKE_INSTALL_PREFIX (scripts/package sets
# /usr), and declares its runtime dependencies from the binaries themselves
# (dpkg-shlibdeps: libcurl4, libgumbo1, libsqlite3-0, libutf8proc2, ...).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME citecheck)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "citecheck maintainers <maintainers@users.noreply.r-seed-b40253bd.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "checks that cited links resolve and quotations appear in their sources")
# The long description (cpack puts the summary above it).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "citecheck reads an article (Markdown, text or HTML), fetches every cited
link and checks that every quotation attributed to a citation appears in the
cited page. Results are stored in SQLite, so a nightly run can say what
changed. citecheckd is the daemon: a schedule, a job queue and an HTTP API.
Neither systemd unit is enabled on install: enable citecheckd.service or
citecheck-run.timer, not both.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # citecheck_<version>-1_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "systemd")
set(CPACK_STRIP_FILES ON)

# Install with DESTDIR into the staging tree, so CMAKE_INSTALL_PREFIX is the
# real prefix while installing: the units name /usr/bin/citecheckd, and the
# config goes to /etc/citecheck, not under the staging prefix.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")

# Maintainer scripts (systemctl daemon-reload, stop on remove) and the
# conffile, so an administrator's edits of the config survive upgrades.
set(deb_control ${PROJECT_BINARY_DIR}/packaging/deb)
file(MAKE_DIRECTORY ${deb_control})
file(WRITE ${deb_control}/conffiles "${CITECHECK_CONFFILE}\n")
foreach(script postinst prerm postrm)
  file(COPY ${PROJECT_SOURCE_DIR}/packaging/deb/${script} DESTINATION ${deb_control}
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${deb_control}/conffiles ${deb_control}/postinst ${deb_control}/prerm ${deb_control}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

include(CPack)
