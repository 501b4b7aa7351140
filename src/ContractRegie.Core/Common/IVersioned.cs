namespace ContractRegie.Core.Common;

/// <summary>A stored row that every update gives a new <see cref="RowVersion"/>: the API's ETag.</summary>
public interface IVersioned
{
    long RowVersion { get; }
}
