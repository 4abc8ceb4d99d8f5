#include "views/common/Icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace mim::icons {
namespace {

// Renders an SVG whose strokes and fills say "currentColor" in the colour the palette gives for the mode.
class PaletteSvgEngine final : public QIconEngine
{
public:
    PaletteSvgEngine(QString name, QByteArray svg)
        : m_name(std::move(name))
        , m_svg(std::move(svg))
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state)
        QByteArray coloured = m_svg;
        coloured.replace("currentColor", colourFor(mode).name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(coloured);
        const QSizeF natural = renderer.defaultSize();
        QRectF target = rect;
        if (!natural.isEmpty()) {
            const QSizeF fitted = natural.scaled(rect.size(), Qt::KeepAspectRatio);
            target =
                QRectF(rect.x() + (rect.width() - fitted.width()) / 2.0,
                       rect.y() + (rect.height() - fitted.height()) / 2.0, fitted.width(), fitted.height());
        }
        painter->save();
        if (colourFor(mode).alphaF() < 1.0)
            painter->setOpacity(painter->opacity() * colourFor(mode).alphaF());
        renderer.render(painter, target);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        const QSize pixelSize = size * scale;
        const QString key = u"mim-icon:%1:%2x%3:%4:%5"_s.arg(m_name)
                                .arg(pixelSize.width())
                                .arg(pixelSize.height())
                                .arg(int(mode))
                                .arg(colourFor(mode).rgba());
        QPixmap result;
        if (QPixmapCache::find(key, &result))
            return result;
        QImage image(pixelSize, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            paint(&painter, QRect(QPoint(0, 0), pixelSize), mode, state);
        }
        result = QPixmap::fromImage(std::move(image));
        result.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, result);
        return result;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new PaletteSvgEngine(m_name, m_svg); }
    QString key() const override { return u"mim-palette-svg"_s; }
    QString iconName() override { return m_name; }

private:
    static QColor colourFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon themed(const QString &name)
{
    QFile file(u":/icons/"_s + name + u".svg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new PaletteSvgEngine(name, file.readAll()));
}

} // namespace mim::icons
