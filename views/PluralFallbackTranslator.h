#pragma once

#include <QTranslator>

namespace mim {

// Correct English plurals without an English catalogue. Source strings with %n follow Qt's convention
// "%n image(s)"; Qt only picks "image" or "images" through a translation. When the UI language is English
// and nothing else translated a message, this resolves "(s)" by n. For any other language it translates
// nothing, so it never shadows a real catalogue, whatever the order in which translators were installed.
class PluralFallbackTranslator : public QTranslator
{
    Q_OBJECT
public:
    explicit PluralFallbackTranslator(QObject *parent = nullptr);

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }

    // Installs one instance on the application (idempotent).
    static void installOnce();
};

} // namespace mim
