import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The JSON form of a preview request; the body may also be the YAML itself (Content-Type: text/yaml). */
export class ConfigurationPreviewRequestDto {
  @ApiProperty({ description: 'The tenant.yaml to import, as text' }) yaml!: string;
}

export class ConfigurationApplyRequestDto {
  @ApiProperty({ description: 'The same tenant.yaml as previewed' }) yaml!: string;
  @ApiProperty({ description: 'previewHash from the preview' }) previewHash!: string;
}

class FieldChangeDto {
  @ApiProperty({ example: 'contact.phone' }) field!: string;
  @ApiProperty({ example: 'Telefoon' }) label!: string;
  @ApiProperty({ example: '"14 0123" → "14 0124"' }) change!: string;
}

class ItemRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

class ItemChangeDto extends ItemRefDto {
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
}

class RegulationChangesDto {
  @ApiProperty({ type: [ItemRefDto] }) added!: ItemRefDto[];
  @ApiProperty({ type: [ItemChangeDto] }) changed!: ItemChangeDto[];
  @ApiProperty({ type: [ItemRefDto], description: 'In use but not in the file: taken out of use' })
  retired!: ItemRefDto[];
  @ApiProperty({ type: [ItemChangeDto], description: 'Out of use and in the file: taken back into use' })
  reactivated!: ItemChangeDto[];
}

class PartnerChangesDto {
  @ApiProperty({ type: [ItemRefDto] }) added!: ItemRefDto[];
  @ApiProperty({ type: [ItemChangeDto] }) changed!: ItemChangeDto[];
  @ApiProperty({ type: [ItemChangeDto] }) reactivated!: ItemChangeDto[];
}

export class ConfigDiffDto {
  @ApiProperty({ type: [FieldChangeDto] }) profile!: FieldChangeDto[];
  @ApiProperty({ type: RegulationChangesDto }) regulations!: RegulationChangesDto;
  @ApiProperty({ type: PartnerChangesDto, description: 'An import never removes a partner' })
  referralPartners!: PartnerChangesDto;
  @ApiProperty() unchanged!: boolean;
}

export class ConfigurationPreviewDto {
  @ApiProperty({ description: 'Send it back with the same YAML to apply exactly this' }) previewHash!: string;
  @ApiProperty({ type: ConfigDiffDto }) diff!: ConfigDiffDto;
  @ApiProperty({ type: [String], description: 'What the file holds that an import leaves alone' })
  notes!: string[];
}

export class AppliedConfigurationDto {
  @ApiProperty({ type: ConfigDiffDto }) diff!: ConfigDiffDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'The current version of each regulation the import saved, retired or took back into use',
  })
  versions!: Record<string, number>;
}

export class OwnLetterTemplateDto {
  @ApiProperty({ example: 'decision' }) kind!: string;
  @ApiProperty({ example: 'Beslissing op bezwaar' }) name!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty({ example: '/api/v1/tenants/rivierstad/admin/configuration/letters/decision' }) href!: string;
}
