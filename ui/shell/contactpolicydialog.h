#pragma once

#include "policy/contactpolicy.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSettings;
class QSpinBox;
class QTimeEdit;

namespace vc::ui {

// Tools → Contact Policy: the caps per number (day, week, month in the recipient's time) with the
// 230-FZ preset, the hours on working days and on weekends and holidays (a new campaign's window), and
// whether campaign rows need consent, and the holiday calendar (built in, and imported). Saved to the settings voicectl shares.
class ContactPolicyDialog final : public QDialog
{
    Q_OBJECT
public:
    ContactPolicyDialog(QSettings *settings, QWidget *parent = nullptr);
    ~ContactPolicyDialog() override;

    ContactPolicy policy() const; // what the form says now

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void display(const ContactPolicy &policy);
    void presetChosen();
    void edited();
    void importCalendar();
    void save();
    void setFormEnabled(bool on);

    QSettings *m_settings;
    QLabel *m_intro;
    QLabel *m_presetLabel;
    QComboBox *m_preset;
    QLabel *m_capsLabel;
    QSpinBox *m_perDay;
    QSpinBox *m_perWeek;
    QSpinBox *m_perMonth;
    QCheckBox *m_workdays;
    QTimeEdit *m_workStart;
    QTimeEdit *m_workEnd;
    QCheckBox *m_weekends;
    QTimeEdit *m_restStart;
    QTimeEdit *m_restEnd;
    QCheckBox *m_consent;
    QLabel *m_calendar;
    QPushButton *m_import;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_showing = false;
};

} // namespace vc::ui
