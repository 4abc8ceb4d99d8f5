# The main window in Simplified Chinese, offscreen, with the language set up as main() does (app/Translations).
mim_add_test(test_chinese_ui
    SOURCES test_chinese_ui.cpp ${PROJECT_SOURCE_DIR}/app/Translations.cpp
    LIBS mim_views mim_sandbox mim_test_support mim_gui_test_support
    LABELS gui i18n
    TIMEOUT 120)
target_include_directories(test_chinese_ui PRIVATE ${PROJECT_SOURCE_DIR}/app)
