# `cmake --install build [--prefix P]`: CommitScope as a desktop application, in the usual places
# (GNUInstallDirs): the window and the CLI (with commitscope-cli-qt, its pg-lab part) in bin/;
# lessons, example scenarios and translations in share/commitscope/ (the app finds them from its own
# bin/, see app/gui/lab/data_paths.cpp); the
# .desktop file, the hicolor scalable icon and the AppStream metainfo under share/.
set(COMMITSCOPE_APP_ID io.github.commitscope.CommitScope)
set(COMMITSCOPE_INSTALL_DATA ${CMAKE_INSTALL_DATADIR}/commitscope)

install(TARGETS commitscope-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET commitscope-cli-qt)
  # pg-lab's Qt part: commitscope-cli execs it from its own directory (app/cli/CMakeLists.txt).
  install(TARGETS commitscope-cli-qt RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lessons/ DESTINATION ${COMMITSCOPE_INSTALL_DATA}/lessons
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/scenarios/ DESTINATION ${COMMITSCOPE_INSTALL_DATA}/scenarios
        FILES_MATCHING PATTERN "*.json")

if(TARGET commitscope)
  install(TARGETS commitscope RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # The .qm files qt_add_translations compiles (and also embeds) next to the GUI library.
  install(FILES ${PROJECT_BINARY_DIR}/app/gui/commitscope_zh_TW.qm ${PROJECT_BINARY_DIR}/app/gui/commitscope_en.qm
          DESTINATION ${COMMITSCOPE_INSTALL_DATA}/translations)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/packaging/${COMMITSCOPE_APP_ID}.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/commitscope.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${COMMITSCOPE_APP_ID}.svg)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/packaging/${COMMITSCOPE_APP_ID}.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()
