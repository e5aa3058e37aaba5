using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace YouthJustice.Sdk.IO;

/// <summary>
/// Reads the rows of another source on a second thread, a few thousand rows ahead, so that tokenising the CSV (on that
/// thread) and converting and validating the rows (on the importing thread) use both cores. Everything the importer
/// reports is taken from the inner source exactly as it was for the row: cells, line, structural problems and (when a
/// rejects file is written) the values as read, so errors and rejects are the same as reading directly.
/// </summary>
/// <remarks>At most <see cref="QueuedBatches"/> batches of <see cref="BatchRows"/> rows wait, so memory stays bounded
/// whatever the file's size; batches are reused. An exception of the inner source is rethrown by <see cref="MoveNext"/> at the point the
/// rows ran out, as reading directly would have thrown it.</remarks>
internal sealed class PrefetchingRowSource : RowSource
{
    private const int BatchRows = 4096;
    private const int QueuedBatches = 4;

    private readonly RowSource _inner;
    private readonly bool _keepRejectValues;
    private readonly int _width;
    private readonly BlockingCollection<Batch> _queue = new(QueuedBatches);
    // Batches the importing thread has finished with, for the reading thread to fill again: a batch's arrays are large
    // (thousands of rows), and allocating them afresh for every batch made the garbage collector work for nothing.
    private readonly ConcurrentQueue<Batch> _free = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private ExceptionDispatchInfo? _failure;
    private Batch? _batch;
    private int _at;
    private long _bytesRead;
    private string[]? _rejectValues;

    /// <param name="inner">The source to read ahead; disposed with this one.</param>
    /// <param name="keepRejectValues">Whether <see cref="RejectValues"/> is wanted (a lenient import writing rejects).</param>
    public PrefetchingRowSource(RowSource inner, bool keepRejectValues)
        : base(inner.Schema, inner.File, inner.DisplayName)
    {
        _inner = inner;
        _keepRejectValues = keepRejectValues;
        _width = inner.Cells.Length;
        FileErrors.AddRange(inner.FileErrors);
        _producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public override IReadOnlyList<string> RejectHeader => _inner.RejectHeader;

    public override string RejectLocationColumn => _inner.RejectLocationColumn;

    public override long BytesRead => _bytesRead;

    public override long Length => _inner.Length;

    private sealed class Batch(int width)
    {
        public readonly string?[] Cells = new string?[BatchRows * width];
        public readonly int[] HeldAt = new int[BatchRows * width];
        public readonly int?[] Lines = new int?[BatchRows];
        public readonly string?[] Positions = new string?[BatchRows];
        public readonly RowProblem[]?[] Problems = new RowProblem[BatchRows][];
        public string[]?[]? Rejects;
        public int Count;
        public long BytesRead;
    }

    private void Produce()
    {
        try
        {
            var batch = NextBatch();
            while (_inner.MoveNext())
            {
                var row = batch.Count;
                Array.Copy(_inner.Cells, 0, batch.Cells, row * _width, _width);
                Array.Copy(_inner.HeldAt, 0, batch.HeldAt, row * _width, _width);
                batch.Lines[row] = _inner.Line;
                batch.Positions[row] = _inner.Position;
                batch.Problems[row] = _inner.Problems.Count == 0 ? null : [.. _inner.Problems];
                if (_keepRejectValues)
                {
                    (batch.Rejects ??= new string[BatchRows][])[row] = _inner.RejectValues();
                }
                if (++batch.Count == BatchRows)
                {
                    batch.BytesRead = _inner.BytesRead;
                    _queue.Add(batch, _stop.Token);
                    batch = NextBatch();
                }
            }
            batch.BytesRead = _inner.BytesRead;
            if (batch.Count > 0)
            {
                _queue.Add(batch, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed before the end of the file: nothing more is wanted.
        }
#pragma warning disable CA1031 // Rethrown on the importing thread by MoveNext.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _queue.CompleteAdding();
        }
    }

    private Batch NextBatch()
    {
        if (_free.TryDequeue(out var batch))
        {
            batch.Count = 0;
            return batch;
        }
        return new Batch(_width);
    }

    public override bool MoveNext()
    {
        Problems.Clear();
        while (_batch is null || _at >= _batch.Count)
        {
            if (_batch is not null)
            {
                // Every value wanted from it has been copied out (the reject values are arrays of their own).
                _free.Enqueue(_batch);
            }
            if (!_queue.TryTake(out _batch, Timeout.Infinite))
            {
                _batch = null;
                _failure?.Throw();
                return false;
            }
            _at = 0;
            _bytesRead = _batch.BytesRead;
        }
        Array.Copy(_batch.Cells, _at * _width, Cells, 0, _width);
        Array.Copy(_batch.HeldAt, _at * _width, HeldAt, 0, _width);
        Line = _batch.Lines[_at];
        Position = _batch.Positions[_at];
        if (_batch.Problems[_at] is { } problems)
        {
            Problems.AddRange(problems);
        }
        _rejectValues = _batch.Rejects?[_at];
        _at++;
        return true;
    }

    public override string[] RejectValues() =>
        _rejectValues ?? throw new InvalidOperationException("The values as read were not kept: this source was made without keepRejectValues.");

    public override void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer.Wait();
        }
        catch (AggregateException)
        {
            // The producer records its own failures; cancellation is expected here.
        }
        _inner.Dispose();
        _queue.Dispose();
        _stop.Dispose();
    }
}
