#pragma once

#include <QWidget>

#include <functional>

class QLabel;

namespace vc::ui {

// A page whose feature is not built yet; it says so plainly instead of showing empty controls.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
public:
    // `text` is called again on a language change.
    PlaceholderPage(std::function<QString()> text, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    std::function<QString()> m_text;
    QLabel *m_label;
};

} // namespace vc::ui
