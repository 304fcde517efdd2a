// The server's records, as its OpenAPI document (../../openapi.json, kept equal to /openapi/v1.json by a .NET test)
// describes them: schema.d.ts is generated from it at build (openapi-typescript), so these cannot drift from the C#.
import type { components } from './schema';

type Schemas = components['schemas'];

/** yyyy-MM-dd */
export type IsoDate = string;
/** ISO 8601 with the offset (+09:00 for market times) */
export type IsoDateTime = string;

export type Candle = Schemas['Candle'];
export type TradePrint = Schemas['TradePrint'];
export type DailyBar = Schemas['DailyBar'];
export type QuarterLines = Schemas['QuarterLines'];
export type StockSnapshot = Schemas['StockSnapshot'];
export type BookLevel = Schemas['BookLevel'];
export type OrderBook = Schemas['OrderBook'];
export type RankedStock = Schemas['RankedStock'];
export type TopList = Schemas['TopList'];
export type UsSectorMove = Schemas['UsSectorMove'];
export type SignalReturn = Schemas['SignalReturn'];
export type SignalStats = Schemas['SignalStats'];
export type SectorCall = Schemas['SectorCall'];
export type StrategyCandidate = Schemas['StrategyCandidate'];
export type StrategyPlan = Schemas['StrategyPlan'];
export type SearchMatch = Schemas['SearchMatch'];
export type StockSearchHit = Schemas['StockSearchHit'];
export type MarketStatus = Schemas['MarketStatus'];
export type UsSession = Schemas['UsSession'];
export type KrSectorSummary = Schemas['KrSectorSummary'];
export type UsSectorBoardRow = Schemas['UsSectorBoardRow'];
export type SectorBoard = Schemas['SectorBoard'];
export type TickBand = Schemas['TickBand'];
export type TaxRate = Schemas['TaxRate'];
export type KrxSessions = Schemas['KrxSessions'];
export type KrxRules = Schemas['KrxRules'];
export type ProblemDetails = Schemas['ProblemDetails'];
export type MarketSession = Schemas['MarketSessionKind'];
/** A Korean sector of the map, as /api/sectors lists it. */
export type KrSector = KrSectorSummary;
