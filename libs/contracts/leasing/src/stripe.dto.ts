import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsString, MaxLength } from 'class-validator';

/** A Stripe webhook as the gateway received it: the exact raw body (base64) and its signature header. */
export class StripeWebhookRequest {
  @ApiProperty({ description: 'Raw request body, base64-encoded byte for byte' })
  @IsBase64()
  @MaxLength(2_000_000)
  rawBody!: string;

  @ApiProperty({ description: 'The Stripe-Signature header' })
  @IsString()
  @MaxLength(2000)
  signature!: string;
}

