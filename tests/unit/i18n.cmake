# Translations: every shipped .ts file is complete, and the embedded catalogues match them.
mim_add_test(test_translations SOURCES test_translations.cpp LIBS mim_translations LABELS unit i18n TIMEOUT 60)
target_compile_definitions(test_translations PRIVATE MIM_TRANSLATIONS_DIR="${PROJECT_SOURCE_DIR}/translations")
