#pragma once

#include "models/api/Image.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mim {

// What is wrong with an SWR path so far, for checking it while the user types:
// [registry[:port]/]namespace/name:tag, 16 to 2048 characters.
struct SwrPathCheck
{
    enum class State
    {
        Empty,
        Incomplete, // not valid yet, but typing on can make it valid (e.g. the tag is still missing)
        Invalid,    // something already typed is wrong (a character, a part's format, the length)
        Acceptable,
    };

    State state = State::Empty;
    QString problem; // one sentence in the user's language; empty when Acceptable or Empty
    // The parts, once they could be told apart.
    QString registry;
    QString nameSpace;
    QString name;
    QString tag;

    bool isAcceptable() const { return state == State::Acceptable; }
};

// The form of RegisterImage: the SWR path of an image that is already in SWR, and how ModelArts should
// offer it. Field names follow the API (the request says resource_category and services; the image that
// comes back says resource_categories and dev_services).
struct RegisterImageRequest
{
    Q_DECLARE_TR_FUNCTIONS(mim::RegisterImageRequest)
public:
    static constexpr int MinSwrPathLength = 16;
    static constexpr int MaxSwrPathLength = 2048;
    static constexpr int MaxDescriptionLength = 512;
    static constexpr int MaxTags = 20;
    static constexpr int MaxTagKeyLength = 128;
    static constexpr int MaxTagValueLength = 255;

    QString swrPath;
    QString arch = QStringLiteral("X86_64");
    QStringList resourceCategories = {QStringLiteral("CPU"), QStringLiteral("GPU")};
    QStringList services = {QStringLiteral("NOTEBOOK"), QStringLiteral("SSH")};
    QString serviceType = QStringLiteral("UNKNOWN");
    QString visibility = QStringLiteral("PRIVATE");
    QString description;
    QString workspaceId = QStringLiteral("0");
    QList<ImageTag> tags;

    // The allowed values, in the order a form offers them.
    static QStringList architectures();
    static QStringList resourceCategoryValues();
    static QStringList serviceValues();
    static QStringList serviceTypes();
    static QStringList visibilities();

    static SwrPathCheck checkSwrPath(const QString &path);
    // "0" (no workspace) or a 32-character ID of lower-case letters and digits.
    static bool isWorkspaceId(const QString &id);
    // A non-blocking remark when the path's registry names another region than the account's, e.g.
    // swr.cn-south-1.myhuaweicloud.com while working in cn-north-4; empty otherwise.
    static QString regionRemark(const SwrPathCheck &check, const QString &accountRegionId);

    // Everything that keeps the request from being sent, one sentence each; empty when it can be sent.
    QStringList problems() const;
    QJsonObject toJson() const;
    // How a tag goes into RegisterImage's "tags", which every SDK types as a list of strings (unlike
    // UpdateImageGroup's [{key, value}]): "key=value", or "key" alone when the value is empty. The format is
    // a guess that a live account has to confirm (models/api/README.md); a key therefore cannot contain "=".
    static QString tagText(const ImageTag &tag);
};

} // namespace mim
