#pragma once

#include "models/catalog/ImageFilterModel.h"

#include <QHash>
#include <QWidget>

class QLineEdit;
class QMenu;
class QToolButton;

namespace mim {

// The row above the table: a filter box (name, tag, id, ...) and one drop-down per facet (status, type,
// visibility, ...) whose checkable entries are the values present in the data. Edits go straight into the
// ImageFilterModel; the bar mirrors the model's FilterState, so restoring a saved state updates it too.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(ImageFilterModel *filterModel, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QToolButton *facetButton(Facet facet) const { return m_buttons.value(facet); }
    QToolButton *clearButton() const { return m_clear; }
    // Dynamic property of each facet button: true while its facet filters (the button is framed and bold).
    static constexpr const char *ActiveProperty = "active";

    // Ctrl+F: focus the filter box with its text selected.
    void focusSearch();
    // The menu of a facet as it would open now (filled from the current data), for the View menu and tests.
    void fillFacetMenu(Facet facet, QMenu *menu);

    static QString facetTitle(Facet facet);
    // A facet value as the user reads it ("ACTIVE" -> "Active").
    static QString facetValueText(Facet facet, const QString &value);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void syncFromModel();
    void holdLayout(QToolButton *button, bool hold);
    void updateFacetMenu(Facet facet, QMenu *menu);
    void toggleFacetValue(Facet facet, const QString &value, bool on);
    void setTypeSelection(bool own, bool builtIn);
    QString buttonText(Facet facet) const;
    // facetValueText(), with workspace ids shown by their names as the image table knows them.
    QString valueText(Facet facet, const QString &value) const;

    ImageFilterModel *m_model;
    QLineEdit *m_search = nullptr;
    QHash<Facet, QToolButton *> m_buttons;
    QToolButton *m_clear = nullptr;
    QToolButton *m_heldButton = nullptr; // its menu is open: the bar keeps its layout
};

} // namespace mim
