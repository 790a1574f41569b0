#pragma once

#include <QHash>
#include <QIcon>
#include <QProxyStyle>

namespace vc::ui {

// The platform's own style, but the few standard icons the window's frame asks for at start-up (the
// menu bar's and tool bar's overflow arrows, a dock's buttons) are read when first drawn: reading the
// first of them makes Qt load every image-format plugin to sniff a PNG (≈ 2 ms and their memory), for
// arrows that show only when a bar overflows.
class AppStyle final : public QProxyStyle
{
    Q_OBJECT
public:
    AppStyle();
    QIcon standardIcon(StandardPixmap icon, const QStyleOption *option = nullptr, const QWidget *widget = nullptr) const override;

private:
    mutable QHash<int, QIcon> m_lazy;
};

} // namespace vc::ui
