package vn.vanban.deadline;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An RFC 5545 calendar of deadlines, written by ical4j: one all-day event per deadline, with its RRULE when it
 * recurs, naming and linking the document that sets it, and an alarm {@code vanban.reminders.days} days before it
 * (default 7; 0 for none), so that a subscribed calendar reminds its owner while there is time to act.
 */
@Singleton
public class CalendarFeed {

    private final int reminderDays;

    public CalendarFeed(@io.micronaut.context.annotation.Value("${vanban.reminders.days:7}") int reminderDays) {
        this.reminderDays = Math.max(0, reminderDays);
    }

    /** The calendar of the deadlines behind {@code occurrences}; links resolve against {@code baseUrl}. */
    public String ics(List<DeadlineQueries.Occurrence> occurrences, String baseUrl) {
        Map<Long, DeadlineQueries.Occurrence> first = new LinkedHashMap<>();
        for (DeadlineQueries.Occurrence o : occurrences) {
            first.putIfAbsent(o.deadlineId(), o);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Vanban//Thời hạn văn bản//VI"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (DeadlineQueries.Occurrence o : first.values()) {
            // a recurring deadline starts at its first occurrence; a one-off one on its (last) day
            java.time.LocalDate start = o.rrule() == null ? o.date() : DeadlineStore.lastDay(o.due());
            String document = (o.documentType() == null ? "" : o.documentType() + " ")
                    + (o.documentNumber() == null ? "#" + o.documentId() : o.documentNumber());
            VEvent event = new VEvent(start, summary(o.what()));
            event.add(new Uid("deadline-" + o.deadlineId() + "@vanban"));
            event.add(new Description("Văn bản: " + document + (o.documentSubject() == null ? "" : " — " + o.documentSubject())
                    + (o.who() == null ? "" : "\nĐơn vị: " + o.who()) + "\nThời hạn: " + (o.rrule() == null ? o.due()
                    : Recurrences.describe(o.rrule())) + "\n" + o.what()
                    + (o.guideKey() == null ? "" : "\nVăn bản hướng dẫn: " + o.guideKey().split("\\|")[0])));
            event.add(new Url(URI.create(baseUrl + "/van-ban/" + o.documentId()))); // the page a person reads
            if (o.rrule() != null) {
                event.add(new RRule<>(new Recur<java.time.LocalDate>(o.rrule())));
            }
            if (reminderDays > 0) {
                VAlarm alarm = new VAlarm(java.time.Period.ofDays(-reminderDays));
                alarm.add(ImmutableAction.DISPLAY);
                alarm.add(new Description("Còn " + reminderDays + " ngày đến thời hạn: " + summary(o.what())));
                event.add(alarm);
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String summary(String what) {
        String s = what.replaceAll("\\s+", " ").strip();
        return s.length() > 200 ? s.substring(0, 199) + "…" : s;
    }
}
