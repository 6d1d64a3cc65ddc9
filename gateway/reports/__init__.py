"""Reports a support lead runs the desk on: deflection, response times, SLA, CSAT, KB, volume.

Counters are added in the same atomic commit as the event they count (`recorder`), one
Redis hash per day of the desk's time zone; a report reads the hashes of its period and
adds them up (`figures`), so its cost follows the number of days and distinct counters,
never the number of tickets.
"""
