#pragma once

#include "models/api/Image.h"

#include <QList>

namespace mim {

// The images of ImageTableModel by slot, stored so that copies share what they do not change. A merge of a
// listing into the table runs on a worker thread, into a copy of the table that the GUI thread still shows:
// with one list, the first image the merge adds copied every image of the table (100,000 images, 55 MB of
// fresh memory, once per batch of rows shown while a listing arrives). Here the images a table starts with
// stay one list (the head: a listing, or the cache, taken as it is), and those added after it go to chunks
// of ChunkSize: writing a slot copies its chunk at most, and appending copies the last chunk at most.
class ImageSlots
{
public:
    static constexpr qsizetype ChunkSize = 1024;

    ImageSlots() = default;
    explicit ImageSlots(QList<Image> head)
        : m_head(std::move(head))
    {}

    qsizetype size() const { return m_head.size() + m_tailSize; }
    bool isEmpty() const { return size() == 0; }

    const Image &at(qsizetype slot) const
    {
        if (slot < m_head.size())
            return m_head.at(slot);
        slot -= m_head.size();
        return m_tail.at(slot / ChunkSize).at(slot % ChunkSize);
    }

    // Copies the slot's list first when a copy of this shares it.
    Image &operator[](qsizetype slot)
    {
        if (slot < m_head.size())
            return m_head[slot];
        slot -= m_head.size();
        return m_tail[slot / ChunkSize][slot % ChunkSize];
    }

    void append(const Image &image)
    {
        if (m_tail.isEmpty() || m_tail.constLast().size() == ChunkSize) {
            m_tail.append(QList<Image>());
            m_tail.last().reserve(ChunkSize);
        }
        m_tail.last().append(image);
        ++m_tailSize;
    }

    // The images of `order` (slots), in that order.
    QList<Image> inOrder(const QList<int> &order) const
    {
        QList<Image> images;
        images.reserve(order.size());
        for (const int slot : order)
            images.append(at(slot));
        return images;
    }

private:
    QList<Image> m_head;
    QList<QList<Image>> m_tail;
    qsizetype m_tailSize = 0;
};

} // namespace mim
