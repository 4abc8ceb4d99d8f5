#pragma once

#include "models/storage/StorageFacts.h"

#include <QList>
#include <QWidget>

namespace mim {

// One horizontal stacked bar per SWR organization: the bytes its tags registered in ModelArts take, then the
// bytes of tags no ModelArts image names. Bars share one scale (the largest organization fills the width),
// so organizations compare at a glance; the exact figures stand as text beside each bar, because a bar alone
// cannot be read exactly and colour alone must not tell the two parts apart. Painted, not Qt Charts: a few
// rectangles do not justify another module. Each bar's figures are in its tooltip and in the widget's
// accessible description.
class StorageBarChart : public QWidget
{
    Q_OBJECT
public:
    explicit StorageBarChart(QWidget *parent = nullptr);

    void setOrganizations(const QList<OrganizationStorage> &organizations);
    const QList<OrganizationStorage> &organizations() const { return m_organizations; }

    // The text beside bar `row`, as shown ("1.4 GB registered · 300 MB not registered").
    QString figuresText(int row) const;
    // The tooltip of bar `row`: the same figures in bytes, and the counts of tags.
    QString toolTipText(int row) const;
    // The name beside bar `row`, as shown: whole up to 40 % of the widget's width, elided in the middle
    // beyond (the tooltip has it whole).
    QString shownName(int row) const;
    // The width of the names' column at the widget's current width.
    int nameWidth() const;
    // The bar under a point of the widget, -1 for none.
    int rowAt(const QPoint &point) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int rowHeight() const;
    int longestNameWidth() const;
    int hintedNameWidth() const;
    int figuresWidth() const;
    void updateAccessibleText();

    QList<OrganizationStorage> m_organizations;
};

} // namespace mim
