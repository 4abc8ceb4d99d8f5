#include "views/main/FilterBar.h"

#include "models/catalog/ImageTableModel.h"
#include "models/catalog/UsageSummary.h"
#include "models/common/Formatting.h"
#include "views/common/FlowLayout.h"
#include "views/common/Icons.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMouseEvent>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace mim {
namespace {

constexpr Facet AllFacets[] = {
    Facet::Status,           Facet::Type,      Facet::Visibility, Facet::Architecture, Facet::ServiceType,
    Facet::ResourceCategory, Facet::Namespace, Facet::Workspace,  Facet::Usage,
};

const auto BuiltInType = u"BUILD_IN"_s;
const auto OwnType = u"DEDICATED"_s;

// A menu whose checkable entries toggle without closing it, so several values can be picked in one go.
class StayOpenMenu final : public QMenu
{
public:
    using QMenu::QMenu;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QAction *action = activeAction();
        if (action && action->isEnabled() && action->isCheckable() &&
            rect().contains(event->position().toPoint())) {
            action->trigger();
            return;
        }
        QMenu::mouseReleaseEvent(event);
    }
};

// Asks for room for a long filter text but gives it up to the facets' rows on a narrow window.
class SearchField final : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;

    QSize sizeHint() const override
    {
        QSize hint = QLineEdit::sizeHint();
        hint.setWidth(qMax(hint.width(), fontMetrics().averageCharWidth() * 28));
        return hint;
    }
};

} // namespace

FilterBar::FilterBar(ImageFilterModel *filterModel, QWidget *parent)
    : QWidget(parent)
    , m_model(filterModel)
{
    setObjectName(u"filterBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_search = new SearchField(this);
    m_search->setObjectName(u"filterField"_s);
    m_search->setPlaceholderText(tr("Filter by name, tag, id, SWR path, namespace, description…"));
    m_search->setAccessibleName(tr("Filter images"));
    m_search->setToolTip(tr("Shows only the images whose name, tag, id, SWR path, namespace or description "
                            "contains this text (Esc clears it)"));
    m_search->setClearButtonEnabled(true);
    // Screen readers name the field's icon buttons after their actions.
    if (auto *clear = m_search->findChild<QAction *>(u"_q_qlineeditclearaction"_s))
        clear->setText(tr("Clear filter text"));
    m_search->addAction(icons::themed(u"search"_s), QLineEdit::LeadingPosition)->setText(tr("Filter images"));
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 12);
    m_search->installEventFilter(this);
    layout->addWidget(m_search, 3, Qt::AlignTop);
    layout->addSpacing(6);

    // The facets wrap into more rows rather than set the window's minimum width.
    auto *facets = new QWidget(this);
    facets->setObjectName(u"facetButtons"_s);
    auto *facetLayout = new FlowLayout(facets, layout->spacing(), 2);

    for (Facet facet : AllFacets) {
        auto *button = new QToolButton(facets);
        button->setObjectName(u"facet"_s + QString::number(int(facet)));
        button->setPopupMode(QToolButton::InstantPopup);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
        button->setAccessibleName(tr("Filter by %1").arg(facetTitle(facet)));
        auto *menu = new StayOpenMenu(button);
        connect(menu, &QMenu::aboutToShow, this, [this, facet, menu, button] {
            holdLayout(button, true);
            fillFacetMenu(facet, menu);
        });
        connect(menu, &QMenu::aboutToHide, this, [this, button] { holdLayout(button, false); });
        button->setMenu(menu);
        m_buttons.insert(facet, button);
        facetLayout->addWidget(button);
    }

    m_clear = new QToolButton(facets);
    m_clear->setObjectName(u"clearFilters"_s);
    m_clear->setText(tr("Clear Filters"));
    m_clear->setToolTip(tr("Show all images again (built-in images stay hidden)"));
    m_clear->setIcon(icons::themed(u"filter-off"_s));
    m_clear->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_clear->setAutoRaise(true);
    connect(m_clear, &QToolButton::clicked, m_model, &ImageFilterModel::clearFilters);
    facetLayout->addWidget(m_clear);
    layout->addWidget(facets, 4);

    connect(m_search, &QLineEdit::textChanged, m_model, &ImageFilterModel::setText);
    connect(m_model, &ImageFilterModel::filterStateChanged, this, &FilterBar::syncFromModel);
    syncFromModel();
}

void FilterBar::holdLayout(QToolButton *button, bool hold)
{
    // A ticked value changes the button's text (and boldness) and may show Clear Filters: the bar would
    // lay itself out again and move the button away from the menu that stays open under it. While the
    // menu is open the button keeps its size and Clear Filters stays as it was; the bar settles once the
    // menu closes.
    if (hold) {
        m_heldButton = button;
        button->setFixedSize(button->size());
        return;
    }
    if (m_heldButton != button)
        return;
    m_heldButton = nullptr;
    button->setMinimumSize(0, 0);
    button->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    m_clear->setVisible(m_model->filterState().isActive());
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier &&
            !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString FilterBar::facetTitle(Facet facet)
{
    switch (facet) {
    case Facet::Status:
        return tr("Status");
    case Facet::Type:
        return tr("Type", "image type: own or built-in");
    case Facet::Visibility:
        return tr("Visibility");
    case Facet::Architecture:
        return tr("Architecture", "CPU architecture");
    case Facet::ServiceType:
        return tr("Service Type");
    case Facet::ResourceCategory:
        return tr("Resources", "resource category: CPU, GPU, ASCEND");
    case Facet::Namespace:
        return tr("Namespace", "SWR organization");
    case Facet::Workspace:
        return tr("Workspace");
    case Facet::Usage:
        return tr("In use", "facet: whether notebooks, training jobs or services use the image");
    }
    return {};
}

QString FilterBar::facetValueText(Facet facet, const QString &value)
{
    if (value.isEmpty())
        return tr("(none)", "facet value: the field is empty");
    switch (facet) {
    case Facet::Status:
        return Formatting::statusText(value);
    case Facet::Type:
        return Formatting::typeText(value);
    case Facet::Visibility:
        return Formatting::visibilityText(value);
    case Facet::Architecture:
        return Formatting::archText(value);
    case Facet::ServiceType:
        return Formatting::serviceTypeText(value);
    case Facet::ResourceCategory:
        return Formatting::resourceCategoryText(value);
    case Facet::Workspace:
        if (value == u"0")
            return tr("Default workspace");
        return Formatting::visibleText(value);
    case Facet::Usage:
        if (value == UsageSummary::stateValue(UsageState::InUse))
            return UsageSummary::stateText(UsageState::InUse);
        if (value == UsageSummary::stateValue(UsageState::NotInUse))
            return UsageSummary::stateText(UsageState::NotInUse);
        return UsageSummary::stateText(UsageState::Unknown);
    default:
        // Values come from the server: a line break or bidi control must not disguise them in a menu.
        return Formatting::visibleText(value);
    }
}

QString FilterBar::valueText(Facet facet, const QString &value) const
{
    const auto *images = qobject_cast<const ImageTableModel *>(m_model->sourceModel());
    if (facet == Facet::Workspace && images && !value.isEmpty())
        return images->workspaceText(value);
    return facetValueText(facet, value);
}

void FilterBar::fillFacetMenu(Facet facet, QMenu *menu)
{
    menu->clear();
    const FilterState &state = m_model->filterState();

    if (facet == Facet::Type) {
        QAction *ownAction = menu->addAction(tr("Own Images"));
        ownAction->setCheckable(true);
        ownAction->setData(OwnType);
        QAction *builtInAction = menu->addAction(tr("Built-in Images"));
        builtInAction->setCheckable(true);
        builtInAction->setData(BuiltInType);
        builtInAction->setToolTip(tr("Preset images provided by ModelArts; they cannot be deleted"));
        menu->setToolTipsVisible(true);
        updateFacetMenu(facet, menu);
        connect(ownAction, &QAction::toggled, this, [this, menu, builtInAction](bool on) {
            setTypeSelection(on, builtInAction->isChecked());
            updateFacetMenu(Facet::Type, menu);
        });
        connect(builtInAction, &QAction::toggled, this, [this, menu, ownAction](bool on) {
            setTypeSelection(ownAction->isChecked(), on);
            updateFacetMenu(Facet::Type, menu);
        });
        return;
    }

    QAction *all = menu->addAction(tr("All", "facet filter: accept every value"));
    all->setCheckable(true);
    connect(all, &QAction::triggered, this, [this, facet, menu] {
        m_model->setFacet(facet, {});
        updateFacetMenu(facet, menu);
    });
    menu->addSeparator();

    const QSet<QString> accepted = state.facets.value(facet);
    QStringList values = m_model->facetValues(facet);
    // A value picked earlier stays listed (and can be unticked) even when no image has it any more.
    for (const QString &value : accepted) {
        if (!values.contains(value))
            values.append(value);
    }
    if (values.isEmpty()) {
        QAction *none = menu->addAction(tr("No values yet"));
        none->setEnabled(false);
    }
    for (const QString &value : std::as_const(values)) {
        QAction *action = menu->addAction(valueText(facet, value));
        // The value as the API sends it, for a label that translates it.
        action->setToolTip(Formatting::visibleText(value));
        action->setCheckable(true);
        action->setData(value);
        connect(action, &QAction::toggled, this, [this, facet, value, menu](bool on) {
            toggleFacetValue(facet, value, on);
            updateFacetMenu(facet, menu);
        });
    }
    updateFacetMenu(facet, menu);
}

void FilterBar::updateFacetMenu(Facet facet, QMenu *menu)
{
    const FilterState &state = m_model->filterState();
    const QList<QAction *> actions = menu->actions();
    if (facet == Facet::Type) {
        const bool builtIn = state.showBuiltIn;
        const bool own = !builtIn || state.facets.value(Facet::Type) != QSet<QString>{BuiltInType};
        for (QAction *action : actions) {
            const QSignalBlocker blocker(action);
            const bool isOwn = action->data().toString() == OwnType;
            action->setChecked(isOwn ? own : builtIn);
            // One of the two always stays on.
            action->setEnabled(isOwn ? (!own || builtIn) : (!builtIn || own));
        }
        return;
    }
    const QSet<QString> accepted = state.facets.value(facet);
    for (QAction *action : actions) {
        if (!action->isCheckable())
            continue;
        const QSignalBlocker blocker(action);
        action->setChecked(action->data().isValid() ? accepted.contains(action->data().toString())
                                                    : accepted.isEmpty());
    }
}

void FilterBar::toggleFacetValue(Facet facet, const QString &value, bool on)
{
    QSet<QString> accepted = m_model->filterState().facets.value(facet);
    if (on)
        accepted.insert(value);
    else
        accepted.remove(value);
    m_model->setFacet(facet, accepted);
}

void FilterBar::setTypeSelection(bool own, bool builtIn)
{
    if (!own && !builtIn)
        own = true;
    FilterState state = m_model->filterState();
    state.facets.insert(Facet::Type, own ? QSet<QString>() : QSet<QString>{BuiltInType});
    state.showBuiltIn = builtIn;
    m_model->setFilterState(state);
}

QString FilterBar::buttonText(Facet facet) const
{
    const FilterState &state = m_model->filterState();
    if (facet == Facet::Type) {
        const bool onlyBuiltIn = state.facets.value(Facet::Type) == QSet<QString>{BuiltInType};
        if (!state.showBuiltIn)
            return tr("%1: Own", "facet button: type filter shows the user's own images (the default)")
                .arg(facetTitle(facet));
        if (onlyBuiltIn)
            return tr("%1: Built-in", "facet button: type filter shows built-in images only")
                .arg(facetTitle(facet));
        return tr("%1: All", "facet button: type filter shows own and built-in images")
            .arg(facetTitle(facet));
    }
    const QSet<QString> accepted = state.facets.value(facet);
    if (accepted.isEmpty())
        return facetTitle(facet);
    if (accepted.size() == 1)
        return tr("%1: %2", "facet button: title and the one accepted value")
            .arg(facetTitle(facet), valueText(facet, *accepted.cbegin()));
    return tr("%1: %Ln selected", "facet button: title and how many values are accepted",
              int(accepted.size()))
        .arg(facetTitle(facet));
}

void FilterBar::syncFromModel()
{
    const FilterState &state = m_model->filterState();
    if (m_search->text() != state.text) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(state.text);
    }
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        QToolButton *button = it.value();
        const Facet facet = it.key();
        const bool active = facet == Facet::Type ? state.showBuiltIn : !state.facets.value(facet).isEmpty();
        button->setText(buttonText(facet));
        QFont font = button->font();
        font.setBold(active);
        button->setFont(font);
        // Styles draw from the "active" property; a button whose menu just closed must not keep the look of
        // a filter that Clear Filters removed, so the property is set on every button and polished again.
        if (button->property(ActiveProperty) != QVariant(active)) {
            button->setProperty(ActiveProperty, active);
            button->style()->unpolish(button);
            button->style()->polish(button);
        }
        button->update();
        button->setToolTip(Formatting::plainToolTip(
            active ? tr("Showing %1 (click to change)", "facet button tooltip, %1 is e.g. 'Status: Active'")
                         .arg(button->text())
                   : tr("Filter by %1", "facet button tooltip").arg(facetTitle(facet))));
    }
    if (!m_heldButton)
        m_clear->setVisible(state.isActive());
}

} // namespace mim
