namespace AgentLive.Sources.Claude;

/// <summary>
/// The latest items up to a fixed capacity: once full, each new item takes the oldest's place. Storage grows with use
/// up to the capacity, so a short transcript pays for what it holds, a long one for the capacity and no more.
/// </summary>
/// <typeparam name="T">The item.</typeparam>
internal sealed class RecentRing<T>(int capacity)
{
    private T[] _items = [];
    private int _oldest;

    /// <summary>Gets the number of items held, at most the capacity.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the items held, in no particular order.</summary>
    public ReadOnlySpan<T> Items => _items.AsSpan(0, Count);

    /// <summary>Gets the item in a slot, 0 to <see cref="Count"/> − 1 (slots are in no particular order).</summary>
    public ref T this[int slot] => ref _items[slot];

    /// <summary>Adds an item; when the ring is full, returns <see langword="true"/> with the oldest, which it replaced.</summary>
    public bool Add(T item, out T evicted)
    {
        if (Count < capacity)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, Math.Min(capacity, Math.Max(4, Count * 2)));
            }

            _items[Count++] = item;
            evicted = default!;
            return false;
        }

        evicted = _items[_oldest];
        _items[_oldest] = item;
        _oldest = (_oldest + 1) % capacity;
        return true;
    }

    /// <summary>Forgets every item and gives the storage back.</summary>
    public void Clear()
    {
        _items = [];
        _oldest = Count = 0;
    }
}
