#pragma once

#include "models/api/Image.h"
#include "models/api/SizeUnitInference.h"
#include "models/catalog/UsageSummary.h"

#include <functional>
#include <QHash>
#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QToolButton;
class QVBoxLayout;

namespace mim {

// The pane beside the table: every field of the selected image with copy buttons for the id, the SWR path
// and name:tag; for several images, how many and how big they are together.
class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    enum class Field
    {
        Name,
        Tag,
        NameTag,
        Status,
        StatusMessage,
        Size,
        Created,
        Updated,
        Type,
        Origin,
        Visibility,
        Architecture,
        ServiceType,
        DevServices,
        Resources,
        SupportedResources,
        Namespace,
        SwrPath,
        Id,
        Workspace,
        FlavorType,
        SwrInstance,
        Description,
        Tags,
        UsedBy,   // the notebooks, training jobs and services that run the image (setUsage())
        SizeUnit, // the unit of `size` as the SWR inventory shows it (setSizeUnitExplanation())
    };

    explicit DetailsPane(QWidget *parent = nullptr);

    // None: a hint; one: its details; several: a summary.
    void setImages(const QList<Image> &images);
    const QList<Image> &images() const { return m_images; }
    // Who uses which image; the one image shown lists its users, each with a copy button (name; its menu
    // copies the id too), or why that is unknown.
    void setUsage(const UsageSummary &usage);
    // Which unit ModelArts' `size` is read in and from what (SizeUnit::Inference::explanation(), from the
    // SWR inventory), in a row under the size; empty: the row is hidden.
    void setSizeUnitExplanation(const QString &explanation);
    // The account's unit of `size` (ReportedSizeUnit) that sizes and totals are shown in; repaints.
    void setSizeUnit(const SizeUnit::Inference &unit);
    // One line per user of the image shown ("notebook llm-dev (Running) · ID …"), or the one line saying it
    // is not in use or why that is unknown; the copy buttons, in the same order (none for the latter).
    QStringList usageLines() const;
    // How a workspace id reads ("Default" for "0", else its name from ListWorkspace); the id alone without
    // one.
    void setWorkspaceText(std::function<QString(const QString &)> workspaceText);
    QList<QToolButton *> usageCopyButtons() const;

    // What the pane shows right now, for tests and accessibility.
    QString fieldText(Field field) const;
    QString summaryText() const;
    QToolButton *copyButton(Field field) const { return m_copyButtons.value(field); }

Q_SIGNALS:
    // Something was put on the clipboard; `what` names it for the status bar.
    void copied(const QString &what);

private:
    void addRow(Field field, const QString &label, bool copyable = false, const QString &copyWhat = {});
    void showSingle(const Image &image);
    void showSummary(const QList<Image> &images);
    void setField(Field field, const QString &text);
    void showUsage(const Image &image);

    std::function<QString(const QString &)> m_workspaceText;

    QList<Image> m_images;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_statusLine = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_summaryTitle = nullptr;
    QLabel *m_summaryBody = nullptr;
    QHash<Field, QLabel *> m_values;
    QHash<Field, QLabel *> m_labels;
    QHash<Field, QWidget *> m_rowWidgets;
    QHash<Field, QToolButton *> m_copyButtons;
    UsageSummary m_usage;
    QString m_sizeUnitExplanation;
    SizeUnit::Inference m_sizeUnit;
    QWidget *m_usageBox = nullptr;
    QVBoxLayout *m_usageLayout = nullptr;
};

} // namespace mim
