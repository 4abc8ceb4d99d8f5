# The main window in Simplified Chinese, offscreen.
mim_add_test(test_chinese_ui
    SOURCES test_chinese_ui.cpp
    LIBS mim_views mim_sandbox mim_test_support mim_gui_test_support
    LABELS gui i18n
    TIMEOUT 120)
