#include "ui/shell/contactpolicydialog.h"

#include "accounts/settings.h"
#include "campaigns/sendingwindow.h"
#include "policy/holidaycalendar.h"
#include "policy/teamstoreservice.h"
#include "ui/widgets/accessibility.h"
#include "ui/widgets/stylepalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace vc::ui {

namespace {

QTimeEdit *timeEdit(QWidget *parent, const char *name)
{
    auto *t = new QTimeEdit(parent);
    t->setObjectName(QLatin1String(name));
    t->setDisplayFormat(QStringLiteral("HH:mm"));
    return t;
}

QSpinBox *capSpin(QWidget *parent, const char *name)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QLatin1String(name));
    s->setRange(0, 1000);
    return s;
}

} // namespace

ContactPolicyDialog::ContactPolicyDialog(QSettings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_intro(new QLabel(this)), m_presetLabel(new QLabel(this)),
      m_preset(new QComboBox(this)), m_capsLabel(new QLabel(this)), m_perDay(capSpin(this, "perDaySpin")),
      m_perWeek(capSpin(this, "perWeekSpin")), m_perMonth(capSpin(this, "perMonthSpin")), m_workdays(new QCheckBox(this)),
      m_workStart(timeEdit(this, "workStartEdit")), m_workEnd(timeEdit(this, "workEndEdit")), m_weekends(new QCheckBox(this)),
      m_restStart(timeEdit(this, "restStartEdit")), m_restEnd(timeEdit(this, "restEndEdit")), m_consent(new QCheckBox(this)), m_calendar(new QLabel(this)),
      m_import(new QPushButton(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("contactPolicyDialog"));
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_workdays->setObjectName(QStringLiteral("workdaysCheck"));
    m_weekends->setObjectName(QStringLiteral("weekendsCheck"));
    m_import->setObjectName(QStringLiteral("importCalendarButton"));
    m_consent->setObjectName(QStringLiteral("requireConsentCheck"));
    m_intro->setWordWrap(true);
    m_calendar->setWordWrap(true);
    m_message->setWordWrap(true);
    setMinimumWidth(560);
    for (auto p : {ContactPolicy::Preset::None, ContactPolicy::Preset::DebtCollection, ContactPolicy::Preset::Custom})
        m_preset->addItem(QString(), ContactPolicy::presetName(p));
    m_presetLabel->setBuddy(m_preset);
    m_capsLabel->setBuddy(m_perDay);

    auto *caps = new QHBoxLayout;
    caps->addWidget(m_perDay);
    caps->addWidget(m_perWeek);
    caps->addWidget(m_perMonth);
    caps->addStretch();
    auto *work = new QHBoxLayout;
    work->addWidget(m_workStart);
    work->addWidget(new QLabel(QStringLiteral("—"), this));
    work->addWidget(m_workEnd);
    work->addStretch();
    auto *rest = new QHBoxLayout;
    rest->addWidget(m_restStart);
    rest->addWidget(new QLabel(QStringLiteral("—"), this));
    rest->addWidget(m_restEnd);
    rest->addStretch();
    auto *form = new QFormLayout;
    form->addRow(m_presetLabel, m_preset);
    form->addRow(m_capsLabel, caps);
    form->addRow(m_workdays, work);
    form->addRow(m_weekends, rest);
    form->addRow(m_consent);
    auto *calendarRow = new QHBoxLayout;
    calendarRow->addWidget(m_calendar, 1);
    calendarRow->addWidget(m_import);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addLayout(calendarRow);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ContactPolicyDialog::presetChosen);
    for (QSpinBox *s : {m_perDay, m_perWeek, m_perMonth})
        connect(s, &QSpinBox::valueChanged, this, &ContactPolicyDialog::edited);
    for (QTimeEdit *t : {m_workStart, m_workEnd, m_restStart, m_restEnd})
        connect(t, &QTimeEdit::timeChanged, this, &ContactPolicyDialog::edited);
    for (QCheckBox *c : {m_workdays, m_weekends, m_consent})
        connect(c, &QCheckBox::toggled, this, &ContactPolicyDialog::edited);
    connect(m_import, &QPushButton::clicked, this, &ContactPolicyDialog::importCalendar);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ContactPolicyDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    display(ContactPolicy::load(Settings(m_settings)));
    retranslate();
    // On a team store the policy is the team's: read there, off the window's thread.
    if (TeamStore::selected()) {
        setFormEnabled(false);
        style::showHint(m_message, tr("Reading the team's policy from %1…").arg(TeamStore::selected()->display()), false);
        TeamStoreService::loadPolicy(this, [this](const Result<std::optional<ContactPolicy>, StorageError> &r) {
            if (!r) {
                style::showHint(m_message, tr("The team's policy cannot be read, so it cannot be changed now: %1").arg(r.error().message), true);
                return;
            }
            if (r.value())
                display(*r.value());
            setFormEnabled(true);
        });
    }
}

void ContactPolicyDialog::setFormEnabled(bool on)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_preset, m_perDay, m_perWeek, m_perMonth, m_workdays, m_weekends, m_consent})
        w->setEnabled(on);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(on);
    if (on)
        edited();
}

ContactPolicyDialog::~ContactPolicyDialog() = default;

ContactPolicy ContactPolicyDialog::policy() const
{
    ContactPolicy p;
    p.preset = ContactPolicy::presetNamed(m_preset->currentData().toString()).value_or(ContactPolicy::Preset::Custom);
    p.caps = {m_perDay->value(), m_perWeek->value(), m_perMonth->value()};
    const auto hours = [](QTimeEdit *a, QTimeEdit *b) -> QString {
        return a->time().toString(QStringLiteral("HH:mm")) + u'-' + b->time().toString(QStringLiteral("HH:mm"));
    };
    if (m_workdays->isChecked())
        p.workdaysWindow = hours(m_workStart, m_workEnd);
    if (m_weekends->isChecked())
        p.weekendsWindow = hours(m_restStart, m_restEnd);
    p.requireConsent = m_consent->isChecked();
    return p;
}

void ContactPolicyDialog::display(const ContactPolicy &p)
{
    m_showing = true;
    m_preset->setCurrentIndex(m_preset->findData(ContactPolicy::presetName(p.preset)));
    m_perDay->setValue(p.caps.perDay);
    m_perWeek->setValue(p.caps.perWeek);
    m_perMonth->setValue(p.caps.perMonth);
    const auto set = [](QCheckBox *check, QTimeEdit *a, QTimeEdit *b, const QString &window, QTime from, QTime to) {
        const auto w = SendingWindow::parse(window);
        check->setChecked(w && w->isSet());
        a->setTime(w && w->isSet() ? w->workdays().start : from);
        b->setTime(w && w->isSet() ? w->workdays().end : to);
    };
    set(m_workdays, m_workStart, m_workEnd, p.workdaysWindow, QTime(8, 0), QTime(22, 0));
    set(m_weekends, m_restStart, m_restEnd, p.weekendsWindow, QTime(9, 0), QTime(20, 0));
    m_consent->setChecked(p.requireConsent);
    m_showing = false;
    edited();
}

void ContactPolicyDialog::presetChosen()
{
    if (m_showing)
        return;
    const auto preset = ContactPolicy::presetNamed(m_preset->currentData().toString());
    if (preset && *preset != ContactPolicy::Preset::Custom) {
        ContactPolicy p = ContactPolicy::fromPreset(*preset);
        p.requireConsent = m_consent->isChecked(); // not part of a preset
        display(p);
    }
}

void ContactPolicyDialog::edited()
{
    for (QTimeEdit *t : {m_workStart, m_workEnd})
        t->setEnabled(m_workdays->isChecked());
    for (QTimeEdit *t : {m_restStart, m_restEnd})
        t->setEnabled(m_weekends->isChecked());
    if (m_showing)
        return;
    // The preset follows the figures: the law's exactly, none at all, or the operator's own.
    ContactPolicy p = policy();
    m_showing = true;
    m_preset->setCurrentIndex(m_preset->findData(ContactPolicy::presetName(p.presetOfFigures())));
    m_showing = false;
    // A range that opens and closes at once would mean no call at all, or every hour: refused.
    QString why;
    for (const QString &w : {p.workdaysWindow, p.weekendsWindow}) {
        if (!w.isEmpty() && !SendingWindow::parse(w, &why))
            break;
        why.clear();
    }
    style::showHint(m_message, why.isEmpty() ? tr("A new campaign calls %1 (its window), unless you set another in it.")
                                                   .arg(p.campaignWindow())
                                             : why,
                    !why.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(why.isEmpty());
}

void ContactPolicyDialog::importCalendar()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import a Holiday Calendar"), QString(),
                                                      tr("Calendars (*.txt *.ics);;All files (*)"));
    if (file.isEmpty())
        return;
    if (const auto imported = HolidayCalendar::importFile(file); !imported) {
        style::showHint(m_message, tr("%1 was not imported: %2").arg(file, imported.error()), true);
        return;
    }
    retranslate();
    style::showHint(m_message, tr("Imported: the calendar now covers %1.").arg(m_calendar->property("years").toString()), false);
}

void ContactPolicyDialog::save()
{
    if (TeamStore::selected()) {
        setFormEnabled(false);
        TeamStoreService::savePolicy(policy(), this, [this](const StorageResult &r) {
            if (!r) {
                setFormEnabled(true);
                style::showHint(m_message, tr("The team's policy was not saved: %1").arg(r.error().message), true);
                return;
            }
            accept();
        });
        return;
    }
    policy().save(Settings(m_settings));
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        style::showHint(m_message, tr("The settings file cannot be written: %1").arg(m_settings->fileName()), true);
        return;
    }
    accept();
}

void ContactPolicyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ContactPolicyDialog::retranslate()
{
    setWindowTitle(tr("Contact Policy"));
    m_intro->setText(TeamStore::selected()
                         ? tr("How often one person may be called, and when, for every campaign and every single send of "
                              "every operator of the team (the team store %1). Days, weeks and months are the recipient's "
                              "own. Calls placed are counted, an unknown outcome included.")
                               .arg(TeamStore::selected()->display())
                         : tr("How often one person may be called, and when, for every campaign and every single send from "
                              "this computer. Days, weeks and months are the recipient's own. Calls placed are counted, an "
                              "unknown outcome included."));
    m_presetLabel->setText(tr("&Preset:"));
    for (int i = 0; i < m_preset->count(); ++i)
        m_preset->setItemText(i, ContactPolicy::presetTitle(*ContactPolicy::presetNamed(m_preset->itemData(i).toString())));
    m_capsLabel->setText(tr("&At most per number:"));
    m_perDay->setSuffix(tr(" a day"));
    m_perWeek->setSuffix(tr(" a week"));
    m_perMonth->setSuffix(tr(" a month"));
    for (QSpinBox *s : {m_perDay, m_perWeek, m_perMonth})
        s->setSpecialValueText(tr("no cap"));
    m_workdays->setText(tr("&Working days:"));
    m_weekends->setText(tr("&Weekends and holidays:"));
    m_import->setText(tr("&Import Calendar…"));
    m_consent->setText(tr("Require &consent: campaign rows without a date or source in the consent column are not called"));
    QStringList years;
    for (int y : HolidayCalendar::shared()->years())
        years << QString::number(y);
    m_calendar->setProperty("years", years.join(QStringLiteral(", ")));
    m_calendar->setText(tr("Holiday calendar: the Russian production calendar is built in; this computer's calendar "
                           "covers %1. Import another (one date per line, or iCalendar) for other countries or years.")
                            .arg(years.isEmpty() ? tr("no year") : years.join(QStringLiteral(", "))));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    a11y::name(m_preset, tr("Preset"));
    a11y::name(m_perDay, tr("At most calls a day to one number"));
    a11y::name(m_perWeek, tr("At most calls a week to one number"));
    a11y::name(m_perMonth, tr("At most calls a month to one number"));
    a11y::name(m_workdays, tr("Hours on working days"));
    a11y::name(m_weekends, tr("Hours on weekends and holidays"));
    a11y::name(m_workStart, tr("Working days: from"));
    a11y::name(m_workEnd, tr("Working days: until"));
    a11y::name(m_restStart, tr("Weekends and holidays: from"));
    a11y::name(m_restEnd, tr("Weekends and holidays: until"));
    a11y::name(m_import, tr("Import Calendar"));
    a11y::name(m_consent, tr("Campaign rows need consent"));
    a11y::name(this, tr("Contact Policy"));
    edited();
}

} // namespace vc::ui
