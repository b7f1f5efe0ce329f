import { getTaxonomy } from './api';
import { Dimension, ITaxonomyData, ITaxonomyEntry } from './types';

/**
 * The label titles served by the server: the frontend knows no id by heart.
 *
 * Until the taxonomy has loaded (or if it cannot be loaded) an id is shown as it is.
 */
export class Taxonomy {
  /**
   * @param data titles to start with (tests), else none until `load`
   * @param fetchData where `load` gets them (GET /nbcrash/taxonomy)
   */
  constructor(
    data: ITaxonomyData | null = null,
    fetchData: () => Promise<ITaxonomyData> = getTaxonomy
  ) {
    this._fetchData = fetchData;
    if (data) {
      this._setData(data);
    }
  }

  /** Whether titles are available. */
  get loaded(): boolean {
    return this._data !== null;
  }

  /** The taxonomy version the titles belong to ('' before loading). */
  get version(): string {
    return this._data?.version ?? '';
  }

  /** The study the taxonomy comes from. */
  get study(): string {
    return this._data?.study ?? '';
  }

  /** The labels of one dimension, in the server's order. */
  entries(dimension: Dimension): ITaxonomyEntry[] {
    const value = this._data?.[dimension];
    return Array.isArray(value) ? value : [];
  }

  /** Readable title of a label id; the id itself when it has no title. */
  title(dimension: Dimension, id: string | null | undefined): string {
    if (!id) {
      return '';
    }
    return this._index.get(dimension)?.get(id)?.title ?? id;
  }

  /** One-line description of a label id ('' when unknown). */
  description(dimension: Dimension, id: string | null | undefined): string {
    if (!id) {
      return '';
    }
    return this._index.get(dimension)?.get(id)?.description ?? '';
  }

  /**
   * Fetch the taxonomy from the server once; later calls share the same request.
   * A failed request is retried on the next call.
   */
  load(): Promise<void> {
    if (!this._loading) {
      this._loading = this._fetchData()
        .then(data => this._setData(data))
        .catch(reason => {
          this._loading = null;
          throw reason;
        });
    }
    return this._loading;
  }

  private _setData(data: ITaxonomyData): void {
    this._data = data;
    this._index.clear();
    for (const [dimension, value] of Object.entries(data)) {
      if (Array.isArray(value)) {
        this._index.set(dimension, new Map(value.map(e => [e.id, e])));
      }
    }
  }

  private _fetchData: () => Promise<ITaxonomyData>;
  private _data: ITaxonomyData | null = null;
  private _index = new Map<string, Map<string, ITaxonomyEntry>>();
  private _loading: Promise<void> | null = null;
}
