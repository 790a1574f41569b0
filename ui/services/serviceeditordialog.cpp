#include "ui/services/serviceeditordialog.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include "ui_serviceeditordialog.h"
#include "exolve/exolvevalidation.h"

#include <QLayout>
#include <QPushButton>

namespace vc::ui {

namespace {
void showFieldError(QLabel *label, QLineEdit *edit, const QString &error, bool touched)
{
    const bool visible = touched && !error.isEmpty();
    label->setText(visible ? error : QString());
    label->setVisible(visible);
    edit->setProperty("invalid", visible);
    edit->setStyleSheet(visible ? style::invalidLineEdit() : QString());
}
} // namespace

ServiceEditorDialog::ServiceEditorDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::ServiceEditorDialog>())
{
    m_ui->setupUi(this);
    a11y::nameFromLabels(this);
    for (QLabel *l : {m_ui->nameError, m_ui->mediaIdError, m_ui->redirectError}) {
        l->setStyleSheet(style::hintText(true));
        l->hide();
    }
    m_ui->serverError->setStyleSheet(style::messageBox(style::Tone::Error, QStringLiteral("QLabel")));
    for (QLineEdit *e : {m_ui->nameEdit, m_ui->mediaIdEdit, m_ui->redirectEdit})
        connect(e, &QLineEdit::textEdited, this, [this, e] {
            e->setProperty("touched", true);
            revalidate();
        });
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ServiceEditorDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Grows when an inline error appears instead of squeezing the fields together.
    layout()->setSizeConstraint(QLayout::SetMinimumSize);
    revalidate();
    resize(560, sizeHint().height());
}

ServiceEditorDialog::~ServiceEditorDialog() = default;

void ServiceEditorDialog::revalidate()
{
    const auto name = ExolveValidation::serviceName(m_ui->nameEdit->text());
    const auto media = ExolveValidation::mediaId(m_ui->mediaIdEdit->text());
    const auto redirect = ExolveValidation::redirectNumber(m_ui->redirectEdit->text());
    showFieldError(m_ui->nameError, m_ui->nameEdit, name.message(), m_ui->nameEdit->property("touched").toBool());
    showFieldError(m_ui->mediaIdError, m_ui->mediaIdEdit, media.message(), m_ui->mediaIdEdit->property("touched").toBool());
    showFieldError(m_ui->redirectError, m_ui->redirectEdit, redirect.message(), m_ui->redirectEdit->property("touched").toBool());
    if (redirect.ok() && redirect.value() != m_ui->redirectEdit->text().trimmed())
        m_ui->redirectEdit->setToolTip(tr("Will be sent as %1").arg(redirect.value()));
    else
        m_ui->redirectEdit->setToolTip({});
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && name.ok() && media.ok() && redirect.ok());
    fitHeight();
}

void ServiceEditorDialog::fitHeight()
{
    // Wrapped error lines need more height at this width than the minimum size says.
    layout()->activate();
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void ServiceEditorDialog::submit()
{
    const auto service = ExolveValidation::newService(m_ui->nameEdit->text(), m_ui->mediaIdEdit->text(),
                                                      QString::number(m_ui->digitSpin->value()), m_ui->redirectEdit->text());
    if (!service)
        return;
    m_ui->serverError->hide();
    Q_EMIT submitted(service.value());
}

void ServiceEditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : std::initializer_list<QWidget *>{m_ui->nameEdit, m_ui->mediaIdEdit, m_ui->digitSpin, m_ui->redirectEdit})
        w->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(busy ? tr("Creating…") : tr("Create"));
    revalidate();
}

void ServiceEditorDialog::showServerError(const ApiError &error)
{
    setBusy(false);
    m_ui->serverError->setText(error.toDisplayString());
    m_ui->serverError->show();
    fitHeight();
    if (error.field == QLatin1String("media_id") || error.httpStatus == 404)
        m_ui->mediaIdEdit->setFocus();
}

void ServiceEditorDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        a11y::nameFromLabels(this);
        setBusy(m_busy);
    }
    QDialog::changeEvent(event);
}

} // namespace vc::ui
