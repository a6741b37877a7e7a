namespace AgentLive.Monitoring;

/// <summary>
/// The running counts behind <see cref="SessionSummary"/>: a session's part is taken out when it changes or goes and
/// its new part added, so an update costs the same with ten sessions or ten thousand. Today's totals hold for one
/// local day; on another day the board counts every session again.
/// </summary>
internal sealed class SummaryTally
{
    private readonly TimeProvider _time;
    private int _needsYou;
    private int _working;
    private int _done;
    private int _unknown;
    private long _tokens;
    private decimal _cost;

    public SummaryTally(TimeProvider time) => _time = time;

    /// <summary>Gets the local day today's totals are for.</summary>
    public DateTime Day { get; private set; } = DateTime.MinValue;

    /// <summary>Gets the local day of a moment.</summary>
    public DateTime DayOf(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, _time.LocalTimeZone).Date;

    /// <summary>Forgets every session and starts counting today's totals for <paramref name="day"/>.</summary>
    public void Reset(DateTime day)
    {
        (_needsYou, _working, _done, _unknown, _tokens, _cost) = (0, 0, 0, 0, 0, 0m);
        Day = day;
    }

    public void Add(LiveSession session) => Count(session, 1);

    public void Remove(LiveSession session) => Count(session, -1);

    public SessionSummary ToSummary() => new()
    {
        NeedsYouCount = _needsYou,
        WorkingCount = _working,
        DoneCount = _done,
        UnknownCount = _unknown,
        TotalTokensToday = _tokens,
        // Taking a cost out leaves the sum with the larger scale it had (0.1 + 0.123 - 0.123 = 0.100): written with
        // no trailing zeros, the running total reads as a fresh sum would.
        TotalCostTodayUsd = _cost / 1.0000000000000000000000000000m,
    };

    private void Count(LiveSession session, int sign)
    {
        switch (session.Status)
        {
            case SessionStatus.Working:
                _working += sign;
                break;
            case SessionStatus.NeedsYou:
                _needsYou += sign;
                break;
            case SessionStatus.Done:
                _done += sign;
                break;
            case SessionStatus.Unknown:
                _unknown += sign;
                break;
        }

        if (session.LastActivityAt is { } last && DayOf(last) == Day)
        {
            _tokens += sign * session.Tokens.Total;
            _cost += sign * (session.CostUsd ?? 0);
        }
    }
}
