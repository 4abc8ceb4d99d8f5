# The Tools menu's dialogs (clean-up, image groups, register, export), offscreen, in the real main window against an in-process sandbox.
set(mim_tools_gui_libs mim_views mim_sandbox mim_test_support mim_gui_test_support)

mim_add_test(test_cleanup_dialog
    SOURCES test_cleanup_dialog.cpp ToolsGuiFixture.h
    LIBS ${mim_tools_gui_libs}
    LABELS gui
    TIMEOUT 120)
mim_add_test(test_image_groups_dialog
    SOURCES test_image_groups_dialog.cpp ToolsGuiFixture.h
    LIBS ${mim_tools_gui_libs}
    LABELS gui
    TIMEOUT 120)
mim_add_test(test_register_dialog
    SOURCES test_register_dialog.cpp ToolsGuiFixture.h
    LIBS ${mim_tools_gui_libs}
    LABELS gui
    TIMEOUT 120)
mim_add_test(test_export_view
    SOURCES test_export_view.cpp ToolsGuiFixture.h
    LIBS ${mim_tools_gui_libs}
    LABELS gui
    TIMEOUT 120)
# The SWR Storage view: chart, tag lists, tag confirmation, states (hand-built facts, offscreen).
mim_add_test(test_storage_view
    SOURCES test_storage_view.cpp
    LIBS mim_views
    LABELS gui)
mim_add_test(test_storage_dialog
    SOURCES test_storage_dialog.cpp ToolsGuiFixture.h
    LIBS ${mim_tools_gui_libs}
    LABELS gui
    TIMEOUT 120)
