#include "views/storage/StorageBarChart.h"

#include "models/common/Formatting.h"

#include <algorithm>
#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace mim {
namespace {

constexpr int MinimumBarWidth = 120;
constexpr int MaxNameShare = 40; // per cent of the widget's width

QString exactBytes(qint64 bytes)
{
    return StorageBarChart::tr("%1 bytes").arg(QLocale().toString(bytes));
}

// Registered: the palette's highlight, solid. Not registered: hatched, so the two parts differ by more than
// colour (and in grey scale).
QBrush registeredBrush(const QPalette &palette)
{
    return palette.color(QPalette::Highlight);
}

QBrush unregisteredBrush(const QPalette &palette)
{
    return QBrush(palette.color(QPalette::Text), Qt::BDiagPattern);
}

} // namespace

StorageBarChart::StorageBarChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"storageBarChart"_s);
    setAccessibleName(tr("Storage by organization"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    updateAccessibleText();
}

void StorageBarChart::setOrganizations(const QList<OrganizationStorage> &organizations)
{
    m_organizations = organizations;
    updateAccessibleText();
    updateGeometry();
    update();
}

QString StorageBarChart::figuresText(int row) const
{
    if (row < 0 || row >= m_organizations.size())
        return {};
    const OrganizationStorage &organization = m_organizations.at(row);
    return tr("%1 registered · %2 not registered", "chart: bytes of tags registered in ModelArts, and not")
        .arg(Formatting::dataSize(organization.registeredBytes),
             Formatting::dataSize(organization.unregisteredBytes));
}

QString StorageBarChart::toolTipText(int row) const
{
    if (row < 0 || row >= m_organizations.size())
        return {};
    const OrganizationStorage &organization = m_organizations.at(row);
    QStringList lines;
    lines << tr("Organization %1").arg(Formatting::visibleText(organization.name));
    lines << tr("Registered in ModelArts: %1").arg(exactBytes(organization.registeredBytes));
    lines << tr("Not registered: %1 in %n tag(s)", nullptr, organization.unregisteredTagCount)
                 .arg(exactBytes(organization.unregisteredBytes));
    lines << tr("Total: %1 in %n tag(s)", nullptr, organization.tagCount)
                 .arg(exactBytes(organization.totalBytes()));
    if (organization.unknownSizeTags > 0)
        lines << tr("%n tag(s) of unknown size are not counted.", nullptr, organization.unknownSizeTags);
    return lines.join(u'\n');
}

int StorageBarChart::rowHeight() const
{
    return fontMetrics().height() * 2;
}

int StorageBarChart::longestNameWidth() const
{
    int width = 0;
    for (const OrganizationStorage &organization : m_organizations)
        width = std::max(width, fontMetrics().horizontalAdvance(Formatting::visibleText(organization.name)));
    return width;
}

int StorageBarChart::nameWidth() const
{
    // Names read whole up to 40 % of the widget; only a longer one is elided (in the middle, where team
    // names differ least), so a very long name cannot squeeze the bars away.
    return std::min(longestNameWidth(), width() * MaxNameShare / 100);
}

int StorageBarChart::hintedNameWidth() const
{
    // What the chart asks for, before it has a width: the longest name, within reason.
    return std::min(longestNameWidth(), fontMetrics().averageCharWidth() * 48);
}

QString StorageBarChart::shownName(int row) const
{
    if (row < 0 || row >= m_organizations.size())
        return {};
    const QString name = Formatting::visibleText(m_organizations.at(row).name);
    // elidedText() measures in fractions of a pixel: a name exactly as wide as the column (the longest one)
    // could lose a character to rounding.
    if (fontMetrics().horizontalAdvance(name) <= nameWidth())
        return name;
    return fontMetrics().elidedText(name, Qt::ElideMiddle, nameWidth());
}

int StorageBarChart::figuresWidth() const
{
    int width = 0;
    for (int row = 0; row < m_organizations.size(); ++row)
        width = std::max(width, fontMetrics().horizontalAdvance(figuresText(row)));
    return width;
}

int StorageBarChart::rowAt(const QPoint &point) const
{
    if (point.y() < 0)
        return -1;
    const int row = point.y() / rowHeight();
    return row < m_organizations.size() ? row : -1;
}

QSize StorageBarChart::sizeHint() const
{
    const int gap = fontMetrics().averageCharWidth() * 2;
    // Wide enough that the names' share (at most 40 %) holds the longest of them whole.
    const int names = hintedNameWidth();
    return {std::max(names + figuresWidth() + 2 * gap + MinimumBarWidth * 2, names * 100 / MaxNameShare + 1),
            rowHeight() * int(std::max<qsizetype>(1, m_organizations.size()))};
}

QSize StorageBarChart::minimumSizeHint() const
{
    const int gap = fontMetrics().averageCharWidth() * 2;
    return {std::min(longestNameWidth(), fontMetrics().averageCharWidth() * 12) + figuresWidth() + 2 * gap +
                MinimumBarWidth,
            rowHeight() * int(std::max<qsizetype>(1, m_organizations.size()))};
}

void StorageBarChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    const int gap = metrics.averageCharWidth() * 2;
    const int names = nameWidth();
    const int figures = figuresWidth();
    const int barSpace = std::max(MinimumBarWidth, width() - names - figures - 2 * gap);
    qint64 largest = 0;
    for (const OrganizationStorage &organization : std::as_const(m_organizations))
        largest = std::max(largest, organization.totalBytes());

    const bool rtl = layoutDirection() == Qt::RightToLeft;
    for (int row = 0; row < m_organizations.size(); ++row) {
        const OrganizationStorage &organization = m_organizations.at(row);
        const int top = row * rowHeight();
        const int textY = top + (rowHeight() - metrics.height()) / 2;
        QRect nameRect(0, textY, names, metrics.height());
        QRect barArea(names + gap, top + rowHeight() / 4, barSpace, rowHeight() / 2);
        QRect figuresRect(names + gap + barSpace + gap, textY, figures, metrics.height());
        if (rtl) {
            nameRect.moveLeft(width() - nameRect.right() - 1);
            barArea.moveLeft(width() - barArea.right() - 1);
            figuresRect.moveLeft(width() - figuresRect.right() - 1);
        }

        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeading, shownName(row));

        // Scaled to the largest organization; a part that is not zero stays visible as at least one pixel.
        const auto scaled = [&](qint64 bytes) {
            if (bytes <= 0 || largest <= 0)
                return 0;
            return std::max(1, int(double(bytes) / double(largest) * barSpace));
        };
        const int registered = scaled(organization.registeredBytes);
        const int unregistered = std::min(scaled(organization.unregisteredBytes), barSpace - registered);
        QRect registeredRect(barArea.left(), barArea.top(), registered, barArea.height());
        QRect unregisteredRect(barArea.left() + registered, barArea.top(), unregistered, barArea.height());
        if (rtl) {
            registeredRect.moveRight(barArea.right());
            unregisteredRect.moveRight(barArea.right() - registered);
        }
        painter.setPen(Qt::NoPen);
        painter.fillRect(registeredRect, registeredBrush(palette()));
        painter.fillRect(unregisteredRect, palette().color(QPalette::Base));
        painter.fillRect(unregisteredRect, unregisteredBrush(palette()));
        painter.setPen(palette().color(QPalette::Mid));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(barArea.adjusted(0, 0, -1, -1));

        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(figuresRect, Qt::AlignVCenter | Qt::AlignLeading, figuresText(row));
    }
}

bool StorageBarChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        if (row < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), Formatting::plainToolTip(toolTipText(row)), this);
        return true;
    }
    return QWidget::event(event);
}

void StorageBarChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void StorageBarChart::updateAccessibleText()
{
    // A screen reader cannot see the bars: the description reads every organization's figures.
    QStringList lines;
    for (int row = 0; row < m_organizations.size(); ++row)
        lines << tr("%1: %2").arg(Formatting::visibleText(m_organizations.at(row).name), figuresText(row));
    setAccessibleDescription(lines.isEmpty() ? tr("No organizations") : lines.join(u'\n'));
}

} // namespace mim
